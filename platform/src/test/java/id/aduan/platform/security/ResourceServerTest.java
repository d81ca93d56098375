package id.aduan.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.aduan.platform.testing.PlatformWebService;
import id.aduan.platform.testing.PlatformWebServiceTest;
import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A service as every Aduan service is secured: tokens from the one issuer, for the one audience,
 * signed, unexpired; and the Ombudsman reads but never writes.
 */
@SpringBootTest(classes = ResourceServerTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTest extends PlatformWebServiceTest {

    /** A web service with the platform's security and nothing else: no Kafka, no MongoDB. */
    @PlatformWebService
    @Import(Endpoints.class)
    static class Service {
    }

    /** Method security needs reactive return types. */
    @RestController
    static class Endpoints {

        @GetMapping("/things")
        Mono<String> read() {
            return Mono.just("read");
        }

        @PostMapping("/things")
        @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
        Mono<String> create() {
            return Mono.just("created");
        }

        @PutMapping("/things")
        @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
        Mono<String> replace() {
            return Mono.just("replaced");
        }

        @PatchMapping("/things")
        @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
        Mono<String> change() {
            return Mono.just("changed");
        }

        @DeleteMapping("/things")
        @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
        Mono<String> delete() {
            return Mono.just("deleted");
        }

        @PostMapping("/follow-ups")
        @PreAuthorize("hasRole('LIAISON_OFFICER')")
        Mono<String> followUp() {
            return Mono.just("followed up");
        }

        /** Checks its own API key: the security layer lets a caller without a token through. */
        @PostMapping("/keyed/requests.json")
        Mono<String> keyed() {
            return Mono.just("keyed");
        }
    }

    @DynamicPropertySource
    static void keyedPaths(DynamicPropertyRegistry registry) {
        registry.add("aduan.security.api-key-paths[0]", () -> "/keyed/requests.*");
    }

    @Test
    void aValidTokenIsAccepted() {
        call(HttpMethod.GET, ISSUER.citizen()).expectStatus().isOk().expectBody(String.class).isEqualTo("read");
        call(HttpMethod.POST, ISSUER.coordinator()).expectStatus().isOk();
    }

    @Test
    void noTokenIsRefusedWithProblemJson() {
        call(HttpMethod.GET, null).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.UNAUTHORIZED.uri().toString());
        call(HttpMethod.POST, null).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String[] parts = ISSUER.citizen().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"citizen\"", "\"coordinator\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        call(HttpMethod.POST, tampered).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(Duration.ofHours(1)).build());
        foreign.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

        call(HttpMethod.GET, foreign.serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Beyond the minute of clock skew the validator allows.
        call(HttpMethod.GET, ISSUER.sign(claims(Duration.ofMinutes(-5)).build())).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        call(HttpMethod.GET, ISSUER.sign(claims(Duration.ofHours(1)).audience("another-api").build()))
                .expectStatus().isUnauthorized();
        call(HttpMethod.GET, ISSUER.sign(claims(Duration.ofHours(1)).audience((String) null).build()))
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        call(HttpMethod.GET, ISSUER.sign(claims(Duration.ofHours(1)).issuer("http://localhost:1").build()))
                .expectStatus().isUnauthorized();
    }

    @Test
    void theOmbudsmanReadsButEveryWriteIsRefusedEvenWhereTheEndpointAcceptsTheRole() {
        call(HttpMethod.GET, ISSUER.ombudsman()).expectStatus().isOk();
        for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            call(write, ISSUER.ombudsman()).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(ProblemType.FORBIDDEN.uri().toString());
            call(write, ISSUER.coordinator()).expectStatus().isOk();
        }
    }

    @Test
    void aTokenThatIsAlsoTheOmbudsmansWritesNothing() {
        call(HttpMethod.POST, ISSUER.token("both", List.of("coordinator", "ombudsman"), null)).expectStatus().isForbidden();
    }

    @Test
    void theLiaisonOfficerRoleBecomesAnAuthority() {
        String liaison = ISSUER.token("penghubung-jalan", List.of("liaison-officer"), "32.73.DPUPR");
        http.post().uri("/follow-ups").headers(h -> h.setBearerAuth(liaison)).exchange().expectStatus().isOk();
        http.post().uri("/follow-ups").headers(h -> h.setBearerAuth(ISSUER.agency("32.73.DPUPR"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anApiKeyPathTakesAChangeWithoutATokenButStillChecksOneSent() {
        http.post().uri("/keyed/requests.json").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("keyed");
        http.post().uri("/keyed/requests.json").headers(h -> h.setBearerAuth(ISSUER.citizen())).exchange().expectStatus().isOk();
        http.post().uri("/keyed/requests.json").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/keyed/requests.json").headers(h -> h.setBearerAuth(ISSUER.ombudsman())).exchange()
                .expectStatus().isForbidden();
        call(HttpMethod.POST, null).expectStatus().isUnauthorized();
    }

    private static JWTClaimsSet.Builder claims(Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER.issuer()).subject("coordinator").audience(TestIssuer.AUDIENCE)
                .issueTime(Date.from(now.minus(Duration.ofHours(2)))).expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", List.of("coordinator"));
    }

    private ResponseSpec call(HttpMethod method, String token) {
        return http.method(method).uri("/things").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }
}
