package id.aduan.intake.tracking;

import id.aduan.intake.StoredEvents;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Citizen tracking over HTTP: who sees what, and the reporter's secret. */
@AduanServiceTest
class TrackingIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final String DPUPR = "32.73.DPUPR";

    @Autowired
    WebTestClient http;

    private record Submitted(String trackingId, String secret) {
    }

    @Test
    void anyoneFollowsAPublicComplaintWithoutSeeingWhoReportedIt() {
        Submitted complaint = submit(false);
        assertThat(complaint.secret()).matches("[A-Za-z0-9_-]{43}");

        String body = awaitVisible(complaint.trackingId(), null).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"status\":\"AWAITING_VERIFICATION\"", "\"step\":\"SUBMITTED\"")
                .doesNotContain("Siti", "siti@example.id", "6281234567890", "rep-", "\"reporter", "Secret");

        verifyAndRoute(complaint.trackingId(), "\"anonymous\":true,\"confidential\":false");
        post(complaint.trackingId(), "follow-ups", TOKENS.agency(DPUPR), null, "{\"text\":\"Dijadwalkan minggu ini.\"}").isOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> track(complaint.trackingId(), TOKENS.citizen(), null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("IN_PROCESS")
                .jsonPath("$.reporter.status").isEqualTo("ANONYMOUS")
                .jsonPath("$.classification").isEqualTo("ASPIRATION")
                .jsonPath("$.timeline[*].step").isEqualTo(java.util.List.of("SUBMITTED", "VERIFIED", "ASSIGNED", "FOLLOWED_UP"))
                .jsonPath("$.timeline[2].agencyCode").isEqualTo(DPUPR)
                .jsonPath("$.timeline[3].text").isEqualTo("Dijadwalkan minggu ini."));
    }

    @Test
    void aConfidentialComplaintIsShownOnlyToItsReporter() {
        Submitted complaint = submit(true);
        awaitVisible(complaint.trackingId(), complaint.secret())
                .expectBody().jsonPath("$.reporter.name").isEqualTo("Siti Aminah").jsonPath("$.confidential").isEqualTo(true);

        track(complaint.trackingId(), null, null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        track(complaint.trackingId(), TOKENS.citizen(), "geraten").expectStatus().isNotFound();
        track(complaint.trackingId(), TOKENS.coordinator(), null).expectStatus().isOk();
    }

    @Test
    void aReporterStepNeedsTheComplaintsSecretAndRecordsNothingWithoutIt() {
        Submitted complaint = submit(false);
        post(complaint.trackingId(), "deferral", TOKENS.coordinator(), null, "{\"question\":\"Nomor berapa?\"}").isOk();
        long before = StoredEvents.about(complaint.trackingId());

        post(complaint.trackingId(), "information", TOKENS.citizen(), "geraten", "{\"information\":\"Nomor 12.\"}")
                .isForbidden();
        post(complaint.trackingId(), "information", TOKENS.citizen(), null, "{\"information\":\"Nomor 12.\"}")
                .isForbidden();
        assertThat(StoredEvents.about(complaint.trackingId())).isEqualTo(before);

        post(complaint.trackingId(), "information", TOKENS.citizen(), complaint.secret(), "{\"information\":\"Nomor 12.\"}")
                .isOk();
        assertThat(StoredEvents.about(complaint.trackingId())).isEqualTo(before + 1);
    }

    @Test
    void anUnknownComplaintIsNotFound() {
        track("ADU-0000000000", null, null).expectStatus().isNotFound();
    }

    private Submitted submit(boolean confidential) {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.",
                         "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"confidential":%s,
                         "reporter":{"name":"Siti Aminah","email":"siti@example.id","phone":"+6281234567890"}}"""
                        .formatted(confidential))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Submitted((String) answer.get("trackingId"), (String) answer.get("reporterSecret"));
    }

    /** The view follows the event store a moment later. */
    private ResponseSpec awaitVisible(String id, String secret) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> track(id, null, secret).returnResult(String.class).getStatus().value() == 200);
        return track(id, null, secret).expectStatus().isOk();
    }

    private ResponseSpec track(String id, String token, String secret) {
        return http.get().uri("/api/v1/complaints/{id}", id)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (secret != null) {
                        h.set("X-Reporter-Secret", secret);
                    }
                })
                .exchange();
    }

    private void verifyAndRoute(String id, String flags) {
        post(id, "verification", TOKENS.coordinator(), null,
                "{\"classification\":\"ASPIRATION\"," + flags + "}").isOk();
        TopicWriter.send(Complaints.envelope(Complaints.routed(id, DPUPR, Instant.now())));
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitEvent(ComplaintAssigned.class, id, Duration.ofSeconds(60));
        }
    }

    private org.springframework.test.web.reactive.server.StatusAssertions post(
            String id, String step, String token, String secret, String body) {
        return http.post().uri("/api/v1/complaints/{id}/{step}", id, step)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (secret != null) {
                        h.set("X-Reporter-Secret", secret);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus();
    }

}
