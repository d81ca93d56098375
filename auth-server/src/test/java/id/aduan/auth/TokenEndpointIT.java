package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

// Spring Boot tests switch metrics export off unless asked: the Prometheus endpoint is under test here.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TokenEndpointIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("aduan.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @CsvSource({
            "citizen-app,             citizen-secret,     citizen,",
            "coordinator,             coordinator-secret, coordinator,",
            "agency-bandung-dukcapil, agency-secret,      agency,      32.73.DUKCAPIL",
            "agency-bandung-pu,       agency-secret,      agency,      32.73.DPUPR",
            "ombudsman,               ombudsman-secret,   ombudsman,",
    })
    void issuesEachDemoClientASignedTokenWithItsRoleAndAgency(String clientId, String secret, String role, String agency) {
        ResponseEntity<Map<String, Object>> response = requestToken(clientId, secret);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("token_type", "Bearer");
        assertThat((Integer) response.getBody().get("expires_in")).isBetween(3590, 3600);
        // Decoding checks the RS256 signature against the keys published at /oauth2/jwks, and the expiry.
        Jwt token = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode((String) response.getBody().get("access_token"));
        assertThat(token.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(token.getClaimAsString("iss")).isEqualTo("http://localhost:9000");
        assertThat(token.getAudience()).containsExactly("aduan-api");
        assertThat(token.getSubject()).isEqualTo(clientId);
        // The app's own token: issued to the client it names (RFC 9068), which the gateway limits as an app.
        assertThat(token.getClaimAsString("client_id")).isEqualTo(clientId);
        assertThat(token.getClaimAsStringList("roles")).containsExactly(role);
        if (agency == null) {
            assertThat(token.hasClaim("agency")).isFalse();
        } else {
            assertThat(token.getClaimAsString("agency")).isEqualTo(agency);
        }
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAWrongSecret() {
        assertThat(requestToken("citizen-app", "not-the-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAnUnknownClient() {
        assertThat(requestToken("nobody", "citizen-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void knowsNoLoadTestClientUnlessEnabled() {
        assertThat(requestToken("load-test", "load-test-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void servesProbesAndMetricsWithoutAToken() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(path).contains("\"status\":\"UP\"");
        }
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    private ResponseEntity<Map<String, Object>> requestToken(String clientId, String secret) {
        return requestToken(http, clientId, secret);
    }

    /** The client_credentials grant, the client authenticated with its id and secret. */
    static ResponseEntity<Map<String, Object>> requestToken(TestRestTemplate http, String clientId, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(clientId, secret);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        return http.exchange("/oauth2/token", HttpMethod.POST, new HttpEntity<>(form, headers),
                new ParameterizedTypeReference<>() { });
    }
}
