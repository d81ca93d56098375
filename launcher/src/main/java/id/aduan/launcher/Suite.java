package id.aduan.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the services are wired to each other and to Kafka, MongoDB, PostgreSQL, the mail server and the
 * authorization server: the one place that knows it, for the launcher (fixed ports) and the end-to-end test (free ports).
 *
 * @param ports the port of every module in {@link #MODULES}
 * @param mongoUri the connection string of a database, given its name
 * @param postgres intake's event store
 * @param smtpPort the mail server on localhost that intake's notifications to reporters go to
 */
public record Suite(Map<String, Integer> ports, String kafkaBootstrapServers, Function<String, String> mongoUri,
        Postgres postgres, int smtpPort, Path dataDir) {

    /**
     * A PostgreSQL server: the JDBC URL of a database, given its name, and whom to connect as.
     *
     * @param jdbcUrl creates the database when it does not exist yet
     */
    public record Postgres(Function<String, String> jdbcUrl, String username, String password) {
    }

    /** In start order: the authorization server first, the gateway, the front door, last. */
    public static final List<String> MODULES = List.of(
            "auth-server", "intake-service", "routing-service", "sla-service", "reporting-service", "web", "gateway");

    /** The ports of docs/architecture.md. */
    public static final Map<String, Integer> FIXED_PORTS = Map.of(
            "auth-server", 9000, "intake-service", 8081, "routing-service", 8082, "sla-service", 8083,
            "reporting-service", 8084, "web", 8085, "gateway", 8080);

    /** The web app's portal client in the demo profile (auth-server application-demo.yml). */
    private static final String WEB_PORTAL_SECRET = "web-portal-secret";

    /** Intake's event store, tokens and idempotency keys: the one PostgreSQL database (docs/architecture.md). */
    private static final String INTAKE_EVENT_STORE = "aduan_intake";

    /** The services that keep data, each in a database of its own (the gateway its audit trail). */
    private static final Map<String, String> DATABASES = Map.of(
            "intake-service", "aduan-intake", "routing-service", "aduan-routing", "sla-service", "aduan-sla",
            "reporting-service", "aduan-reporting", "gateway", "aduan-gateway");

    public Suite {
        ports = Map.copyOf(ports);
        if (!ports.keySet().containsAll(MODULES)) {
            throw new IllegalArgumentException("a port is needed for each of " + MODULES);
        }
    }

    public String url(String module) {
        return "http://localhost:" + ports.get(module);
    }

    /**
     * Where people open the web app: through the gateway, at the loopback address, because the authorization
     * server returns a person after login only to a loopback IP or a registered host (docs/web.md).
     */
    public String webPublicUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    public List<ServiceSpec> services() {
        return MODULES.stream().map(module -> new ServiceSpec(module, ports.get(module), properties(module))).toList();
    }

    private Map<String, String> properties(String module) {
        Map<String, String> properties = new HashMap<>();
        properties.put("aduan.data-dir", dataDir.toString());
        String issuer = url("auth-server");
        if (module.equals("auth-server")) {
            properties.put("aduan.auth.issuer", issuer);
            // The demo clients and people (application-demo.yml); included, so a profile set in the environment
            // (the benchmark's load-test) still applies.
            properties.put("spring.profiles.include", "demo");
            // People log in to the web app and out of it through the gateway, whatever its port here. The list
            // is replaced whole (application.yml has the fixed ports' one), so every entry is given.
            properties.put("aduan.auth.login-clients[0].id", "aduan-web");
            properties.put("aduan.auth.login-clients[0].redirect-uris[0]", "http://127.0.0.1:8400/callback");
            properties.put("aduan.auth.login-clients[0].redirect-uris[1]", webPublicUrl() + "/login/oauth2/code/aduan");
            properties.put("aduan.auth.login-clients[0].post-logout-redirect-uris[0]", webPublicUrl() + "/");
            return properties;
        }
        // The web app calls only the API, through the gateway, and keeps no data.
        if (module.equals("web")) {
            properties.put("aduan.web.api-url", url("gateway"));
            properties.put("aduan.web.public-url", webPublicUrl());
            properties.put("aduan.web.auth.browser-url", issuer);
            properties.put("aduan.web.auth.server-url", issuer);
            properties.put("aduan.web.auth.portal-client-secret", WEB_PORTAL_SECRET);
            return properties;
        }
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/oauth2/jwks");
        if (DATABASES.containsKey(module)) {
            properties.put("spring.data.mongodb.uri", mongoUri.apply(DATABASES.get(module)));
        }
        if (module.equals("intake-service")) {
            properties.put("spring.datasource.url", postgres.jdbcUrl().apply(INTAKE_EVENT_STORE));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("spring.mail.host", "localhost");
            properties.put("spring.mail.port", Integer.toString(smtpPort));
            // The links in notifications lead through the gateway.
            properties.put("aduan.notifications.public-base-url", url("gateway"));
        }
        if (module.equals("routing-service")) {
            // The embedded default runs on one machine: agencies' demo webhook receivers are local and plain http.
            properties.put("aduan.subscriptions.webhooks.require-https", "false");
            properties.put("aduan.subscriptions.webhooks.allow-internal-addresses", "true");
        }
        if (module.equals("gateway")) {
            properties.put("aduan.services.web", url("web"));
            properties.put("aduan.services.intake", url("intake-service"));
            properties.put("aduan.services.routing", url("routing-service"));
            properties.put("aduan.services.sla", url("sla-service"));
            properties.put("aduan.services.reporting", url("reporting-service"));
        }
        return properties;
    }
}
