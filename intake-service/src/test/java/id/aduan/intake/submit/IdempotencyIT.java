package id.aduan.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class IdempotencyIT {

    @Autowired
    WebTestClient http;

    @Test
    void identicalRequestsAtOnceCreateOneComplaint() {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return (String) submit(key, marker).expectBody(Map.class).returnResult().getResponseBody().get("trackingId");
                }))
                .toList();
        start.countDown();
        List<String> trackingIds = answers.stream().map(CompletableFuture::join).distinct().toList();

        assertThat(trackingIds).hasSize(1);
        String trackingId = trackingIds.get(0);
        Published.submitted(trackingId);
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactly(trackingId);
    }

    @Test
    void theKeyCountsOnlyForTheClientThatSentIt() {
        String key = UUID.randomUUID().toString();
        Map<?, ?> citizens = submit(key, "a").expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> coordinators = http.post().uri("/api/v1/complaints")
                .headers(h -> {
                    h.setBearerAuth(TestIssuer.shared().coordinator());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("a"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(coordinators.get("trackingId")).isNotEqualTo(citizens.get("trackingId"));
    }

    @Test
    void aMalformedKeyIsRefused() {
        submit("spasi tidak boleh", "x").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    private WebTestClient.ResponseSpec submit(String key, String marker) {
        return http.post().uri("/api/v1/complaints")
                .headers(h -> {
                    h.setBearerAuth(TestIssuer.shared().citizen());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(marker))
                .exchange();
    }

    private static String body(String marker) {
        return """
                {"title":"Sekolah rusak","description":"Atap kelas bocor. %s","categoryCode":"EDUCATION",
                 "location":{"regionCode":"32.73"}}""".formatted(marker);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
