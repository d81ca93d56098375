package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the load-test profile, the benchmark's client gets citizen tokens of its own, beside the demo clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"load-test", "demo"})
class LoadTestClientIT {

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

    @Test
    void theLoadTestClientGetsACitizenAppToken() {
        ResponseEntity<Map<String, Object>> response = requestToken("load-test", "load-test-secret");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Jwt token = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode((String) response.getBody().get("access_token"));
        assertThat(token.getSubject()).isEqualTo("load-test");
        assertThat(token.getClaimAsString("client_id")).isEqualTo("load-test");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("citizen");
        assertThat(token.getAudience()).containsExactly("aduan-api");
        assertThat(requestToken("citizen-app", "citizen-secret").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map<String, Object>> requestToken(String clientId, String secret) {
        return TokenEndpointIT.requestToken(http, clientId, secret);
    }
}
