package id.aduan.platform.security;

import com.nimbusds.jwt.JWTClaimsSet;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A service set up for Keycloak ({@code aduan.security.claims.roles=realm_access.roles}, as docs/security.md
 * says): Keycloak-shaped tokens give the same roles, agency and unit as Aduan's own, both to
 * {@code @PreAuthorize} and to every endpoint's {@link Actor}, and a top-level {@code roles} grants nothing.
 */
@SpringBootTest(classes = {ResourceServerTest.Service.class, KeycloakTokensTest.WhoAmI.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aduan.security.claims.roles=realm_access.roles", "aduan.security.claims.role-prefix=aduan-"})
class KeycloakTokensTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    /** What an endpoint sees of its caller. */
    @RestController
    static class WhoAmI {

        @GetMapping("/whoami")
        Mono<Actor> whoAmI(@AuthenticationPrincipal Jwt token) {
            return Mono.just(Actor.of(token));
        }
    }

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        ISSUER.resourceServerProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    WebTestClient http;

    @Test
    void aLiaisonOfficerFromKeycloakIsOneToEveryEndpoint() {
        String liaison = keycloak(List.of("default-roles-aduan", "aduan-liaison-officer"),
                Map.of("agency", "32.73.DPUPR", "unit", "32.73.DPUPR/UPT-JALAN"));

        http.get().uri("/whoami").headers(h -> h.setBearerAuth(liaison)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.subject").isEqualTo("f3a1c2e0-penghubung")
                .jsonPath("$.roles[0]").isEqualTo("LIAISON_OFFICER")
                .jsonPath("$.agencyCode").isEqualTo("32.73.DPUPR")
                .jsonPath("$.unitCode").isEqualTo("32.73.DPUPR/UPT-JALAN");
        http.post().uri("/follow-ups").headers(h -> h.setBearerAuth(liaison)).exchange().expectStatus().isOk();
    }

    @Test
    void keycloaksRolesDecideAndATopLevelRolesClaimGrantsNothing() {
        String coordinator = keycloak(List.of("ADUAN-COORDINATOR"), Map.of());
        String forged = keycloak(List.of("aduan-citizen"), Map.of("roles", List.of("coordinator")));
        String ombudsman = keycloak(List.of("aduan-coordinator", "aduan-ombudsman"), Map.of());

        call(HttpMethod.POST, coordinator).expectStatus().isOk();
        call(HttpMethod.POST, forged).expectStatus().isForbidden();
        call(HttpMethod.GET, ombudsman).expectStatus().isOk();
        call(HttpMethod.POST, ombudsman).expectStatus().isForbidden();
    }

    private static String keycloak(List<String> realmRoles, Map<String, Object> more) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER.issuer()).subject("f3a1c2e0-penghubung")
                .audience(List.of(TestIssuer.AUDIENCE, "account")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", "aduan-web").claim("preferred_username", "penghubung-jalan")
                .claim("realm_access", Map.of("roles", realmRoles));
        more.forEach(claims::claim);
        return ISSUER.sign(claims.build());
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String token) {
        return http.method(method).uri("/things").headers(h -> h.setBearerAuth(token)).exchange();
    }
}
