package id.aduan.web.citizen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.server.WebSession;

/**
 * The reporter secrets a person entered (or got on submitting) in this browser session, by tracking id: typed
 * once, then sent with every call about that complaint as {@code X-Reporter-Secret}. Kept on the server in the
 * session, never in a URL, a page or a cookie of its own (docs/tracking.md).
 */
public final class ReporterSecrets {

    private static final String ATTRIBUTE = "citizen.reporterSecrets";

    private ReporterSecrets() {
    }

    public static Optional<String> of(WebSession session, String trackingId) {
        return Optional.ofNullable(secrets(session).get(trackingId));
    }

    public static void keep(WebSession session, String trackingId, String secret) {
        Map<String, String> secrets = new LinkedHashMap<>(secrets(session));
        secrets.put(trackingId, secret);
        session.getAttributes().put(ATTRIBUTE, secrets);
    }

    public static void forget(WebSession session, String trackingId) {
        Map<String, String> secrets = new LinkedHashMap<>(secrets(session));
        secrets.remove(trackingId);
        session.getAttributes().put(ATTRIBUTE, secrets);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> secrets(WebSession session) {
        return (Map<String, String>) session.getAttributes().getOrDefault(ATTRIBUTE, Map.of());
    }
}
