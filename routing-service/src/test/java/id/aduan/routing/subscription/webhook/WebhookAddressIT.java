package id.aduan.routing.subscription.webhook;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With routing-service's own settings, the production ones: https only, never an internal address. */
@AduanServiceTest
class WebhookAddressIT {

    @Autowired
    WebTestClient http;

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void aWebhookOnAnInternalAddressOrOverPlainHttpIsRefusedNamingTheUrl() {
        String agency = "32.73.DUKCAPIL";
        for (String url : List.of("http://hooks.example.org/aduan", "https://127.0.0.1/hook", "https://localhost:8443/hook",
                "https://10.0.0.7/hook", "https://192.168.1.20/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "https://[fd12:3456::1]/hook")) {
            http.post().uri("/api/v1/agencies/{code}/webhooks", agency)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.agency(agency))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", url))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        }
        http.get().uri("/api/v1/agencies/{code}/webhooks", agency)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.agency(agency))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
