package id.aduan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The audit trail fails closed: a change whose entry cannot be stored is refused and never reaches the service. */
@AduanServiceTest
class AuditStoreAwayIT {

    private static final Map<String, StubService> SERVICES = Map.of(
            "intake", new StubService("intake"),
            "routing", new StubService("routing"),
            "sla", new StubService("sla"),
            "reporting", new StubService("reporting"));
    private static final String STORE_URI = Infrastructure.shared().mongoUri(AduanServiceTest.DATABASE);
    private static final CuttableProxy STORE = new CuttableProxy(URI.create(STORE_URI).getHost(), URI.create(STORE_URI).getPort());
    private static final String COMPLAINT = "ADU-5T8Y3U6I9O";

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    /** As patient as a loaded machine needs (the 5 s default flaked): what is tested is the answer, not its speed. */
    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, service) -> registry.add("aduan.services." + name, service::uri));
        registry.add("aduan.gateway.audit.store-timeout", () -> "1s");
    }

    /** The gateway's MongoDB client, through the proxy (the test kit's spring.data.mongodb.uri takes precedence over a test's). */
    @TestConfiguration
    static class StoreThroughTheProxy {

        @Bean
        MongoClient mongoClient() {
            return MongoClients.create(STORE.mongoUri(STORE_URI));
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(StubService::stop);
        STORE.close();
    }

    @Test
    void whileTheStoreIsAwayAChangeIsRefusedWith503AndNeverForwardedAReadGoesOnAndOnceItIsBackTheChangeGoesThroughRecorded() {
        String agency = TestIssuer.shared().agency("32.73.DPUPR");
        StubService intake = SERVICES.get("intake");
        double refusedBefore = refusals();

        STORE.cut();
        try {
            followUp(agency).expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody().jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.type").isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri().toString()).jsonPath("$.detail").value(detail ->
                            assertThat((String) detail).contains("audit trail"));
            assertThat(intake.requests()).noneMatch(request -> request.startsWith("POST "));
            assertThat(refusals()).isEqualTo(refusedBefore + 1);

            http.get().uri("/api/v1/complaints/" + COMPLAINT).headers(h -> h.setBearerAuth(agency))
                    .exchange().expectStatus().isOk();
            assertThat(intake.requests()).anyMatch(request -> request.startsWith("GET /api/v1/complaints/" + COMPLAINT));
        } finally {
            STORE.restore();
        }

        // The driver reconnects within a few seconds; until then changes are still refused, and not forwarded.
        await().atMost(Duration.ofSeconds(30)).until(() -> followUp(agency).returnResult(String.class).getStatus().value() == 200);
        assertThat(intake.requests()).filteredOn(request -> request.startsWith("POST ")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/audit?complaintId=" + COMPLAINT)
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].method").isEqualTo("POST")
                .jsonPath("$.entries[0].status").isEqualTo(200));
    }

    private WebTestClient.ResponseSpec followUp(String token) {
        return http.post().uri("/api/v1/complaints/" + COMPLAINT + "/follow-ups").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Sudah ditambal.\"}").exchange();
    }

    private double refusals() {
        return meters.counter("aduan.gateway.audit.not.stored", "what", "entry").count();
    }
}
