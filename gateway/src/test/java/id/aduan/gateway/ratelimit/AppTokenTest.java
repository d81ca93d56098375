package id.aduan.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Which tokens are an app's own, whose submissions count against the app's allowance (docs/security.md). */
class AppTokenTest {

    @Test
    void aduansServerNamesTheAppAsSubject() {
        assertThat(SubmissionRateLimit.appOf(token(Map.of("sub", "citizen-app", "client_id", "citizen-app"))))
                .contains("citizen-app");
        assertThat(SubmissionRateLimit.appOf(token(Map.of("sub", "warga", "client_id", "aduan-web")))).isEmpty();
    }

    @Test
    void keycloakNamesTheAppsServiceAccount() {
        assertThat(SubmissionRateLimit.appOf(token(Map.of("sub", "0b6c9f0e-2d1a", "client_id", "citizen-app",
                "preferred_username", "service-account-citizen-app")))).contains("citizen-app");
        // A person logged in to Keycloak: no client_id, only azp.
        assertThat(SubmissionRateLimit.appOf(token(Map.of("sub", "7d2e", "azp", "aduan-web", "preferred_username", "warga"))))
                .isEmpty();
        // Another app's service account is not this app.
        assertThat(SubmissionRateLimit.appOf(token(Map.of("sub", "0b6c", "client_id", "citizen-app",
                "preferred_username", "service-account-load-test")))).isEmpty();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(all -> all.putAll(claims)).issuedAt(Instant.EPOCH).build();
    }
}
