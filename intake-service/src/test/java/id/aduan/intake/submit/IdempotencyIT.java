package id.aduan.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import id.aduan.intake.Published;
import id.aduan.intake.StoredEvents;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.SubmitComplaint;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class IdempotencyIT {

    @Autowired
    WebTestClient http;

    /** Calls through to the real one, except where a test injects a crash. */
    @MockitoSpyBean
    Commands commands;

    @Test
    void aCrashAfterTheKeyIsClaimedAndTheEventAppendedKeepsNeitherAndTheRetryCreatesOneComplaint() {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        AtomicReference<String> lostComplaint = new AtomicReference<>();
        doAnswer(createThenCrash(lostComplaint)).doCallRealMethod().when(commands).createHere(any());

        submit(key, marker).expectStatus().is5xxServerError();

        assertThat(lostComplaint.get()).as("the crash came after the append").isNotNull();
        assertThat(StoredEvents.about(lostComplaint.get())).isZero();
        assertThat(StoredEvents.mentioning(marker)).isZero();

        Map<?, ?> retried = submit(key, marker).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String trackingId = (String) retried.get("trackingId");
        assertThat(retried.get("reporterSecret")).as("a first answer, not a repeat").isNotNull();
        assertThat(trackingId).isNotEqualTo(lostComplaint.get());
        assertThat(StoredEvents.mentioning(marker)).isEqualTo(1);
        Published.submitted(trackingId);
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactly(trackingId);
    }

    @Test
    void aRequestSentAgainAfterItsReplyWasLostGetsTheSameComplaint() {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = submit(key, marker).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> again = submit(key, marker).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again.get("trackingId")).isEqualTo(first.get("trackingId"));
        assertThat(again.get("submittedAt")).isEqualTo(first.get("submittedAt"));
        assertThat(again.containsKey("reporterSecret")).isFalse();
        assertThat(StoredEvents.mentioning(marker)).isEqualTo(1);
    }

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

    /** Appends the complaint in the caller's transaction, then fails before it commits: a crash at the worst moment. */
    private static Answer<Void> createThenCrash(AtomicReference<String> complaintId) {
        return invocation -> {
            invocation.callRealMethod();
            CommandMessage<?> sent = invocation.getArgument(0);
            complaintId.set(((SubmitComplaint) sent.getPayload()).complaintId());
            throw new IllegalStateException("crash between the append and the commit");
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
