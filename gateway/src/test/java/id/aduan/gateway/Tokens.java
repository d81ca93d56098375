package id.aduan.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Citizen tokens as the authorization server issues them, naming the app they were issued to (RFC 9068 client_id). */
final class Tokens {

    private Tokens() {
    }

    /** A person's, who logged in to {@code app}. */
    static String person(String subject, String app) {
        return citizen(subject, app);
    }

    /** An app's own (client credentials): it is its own subject. */
    static String app(String clientId) {
        return citizen(clientId, clientId);
    }

    private static String citizen(String subject, String clientId) {
        Instant now = Instant.now();
        return TestIssuer.shared().sign(new JWTClaimsSet.Builder()
                .issuer(TestIssuer.shared().issuer()).audience(TestIssuer.AUDIENCE)
                .subject(subject).claim("client_id", clientId).claim("roles", List.of("citizen"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build());
    }
}
