package id.aduan.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.InformationSupplied;
import id.aduan.contracts.ReporterWindowExpired;
import id.aduan.contracts.Topic;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every step of a complaint's life over HTTP and Kafka, as coordinators, agencies and reporters take them. */
@AduanServiceTest
class LifecycleIT {

    private static final String DPUPR = "32.73.DPUPR";
    private static final TestIssuer TOKENS = TestIssuer.shared();

    @Autowired
    WebTestClient http;

    /** The reporter secret each submitted complaint's answer handed out, by tracking id. */
    private final Map<String, String> secrets = new HashMap<>();

    @Test
    void aComplaintIsVerifiedAssignedFollowedUpReopenedCompletedAndRated() {
        String id = submit();
        post(id, "verification", TOKENS.coordinator(), """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","categoryCode":"INFRA.ROAD.LOCAL",
                 "anonymous":true,"confidential":false}""").isOk();
        routeTo(id, DPUPR);

        post(id, "follow-ups", TOKENS.agency("32.73.DINKES"), """
                {"text":"Bukan wewenang kami."}""").isEqualTo(HttpStatus.FORBIDDEN);
        post(id, "follow-ups", TOKENS.agency(DPUPR), """
                {"text":"Dijadwalkan minggu ini."}""").isOk();
        post(id, "completion", TOKENS.agency(DPUPR), "{}").isOk();
        postAsReporter(id, "reporter-answer", """
                {"satisfied":false,"comment":"Masih berlubang."}""").isOk();
        post(id, "follow-ups", TOKENS.agency(DPUPR), """
                {"text":"Sudah ditambal."}""").isOk();
        post(id, "completion", TOKENS.agency(DPUPR), "{}").isOk();
        postAsReporter(id, "reporter-answer", """
                {"satisfied":true}""").isOk();
        postAsReporter(id, "rating", """
                {"score":5,"comment":"Cepat."}""").isOk();
        postAsReporter(id, "rating", """
                {"score":1}""").isEqualTo(HttpStatus.CONFLICT);

        assertThat(publishedTypes(id, 10)).containsExactly(ComplaintSubmitted.class, ComplaintVerified.class,
                ComplaintAssigned.class, ComplaintFollowedUp.class, ComplaintMarkedComplete.class, ComplaintReopened.class,
                ComplaintFollowedUp.class, ComplaintMarkedComplete.class, ComplaintCompleted.class, ComplaintRated.class);
    }

    @Test
    void aDeferredComplaintAwaitsVerificationAgainOnceTheReporterAnswers() {
        String id = submit();
        post(id, "deferral", TOKENS.coordinator(), """
                {"question":"Di depan nomor berapa lubangnya?"}""").isOk();
        post(id, "verification", TOKENS.coordinator(), """
                {"classification":"ASPIRATION","anonymous":false,"confidential":false}""").isEqualTo(HttpStatus.CONFLICT);
        postAsReporter(id, "information", """
                {"information":"Nomor 12."}""").isOk();
        post(id, "verification", TOKENS.coordinator(), """
                {"classification":"ASPIRATION","anonymous":false,"confidential":false}""").isOk();

        assertThat(publishedTypes(id, 4)).containsExactly(ComplaintSubmitted.class, ComplaintDeferred.class,
                InformationSupplied.class, ComplaintVerified.class);
    }

    @Test
    void anArchivedComplaintCannotBeVerified() {
        String id = submit();
        post(id, "archive", TOKENS.coordinator(), """
                {"reason":"DUPLICATE","note":"Sama dengan laporan sebelumnya."}""").isOk();
        http.post().uri("/api/v1/complaints/{id}/verification", id)
                .headers(h -> h.setBearerAuth(TOKENS.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"classification":"ASPIRATION","anonymous":false,"confidential":false}""")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.complaintStatus").isEqualTo("ARCHIVED");

        assertThat(publishedTypes(id, 2)).containsExactly(ComplaintSubmitted.class, ComplaintArchived.class);
    }

    @Test
    void anExpiredReporterWindowCompletesTheComplaint() {
        String id = submit();
        post(id, "verification", TOKENS.coordinator(), """
                {"classification":"INFORMATION_REQUEST","anonymous":false,"confidential":false}""").isOk();
        routeTo(id, DPUPR);
        post(id, "follow-ups", TOKENS.agency(DPUPR), """
                {"text":"Informasi sudah dikirim."}""").isOk();
        post(id, "completion", TOKENS.agency(DPUPR), "{}").isOk();

        TopicWriter.send(Complaints.envelope(new ReporterWindowExpired(id, "clk-" + id, Instant.now())));

        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            ComplaintCompleted completed = complaints.awaitEvent(ComplaintCompleted.class, id, Duration.ofSeconds(60)).data();
            assertThat(completed.reason()).isEqualTo(ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED);
        }
    }

    @Test
    void rolesAndUnknownComplaintsAreAnsweredWithProblems() {
        String id = submit();
        post(id, "verification", TOKENS.citizen(), """
                {"classification":"ASPIRATION","anonymous":false,"confidential":false}""").isForbidden();
        post(id, "verification", TOKENS.coordinator(), """
                {"classification":"ASPIRATION"}""").isBadRequest();
        post("ADU-0000000000", "verification", TOKENS.coordinator(), """
                {"classification":"ASPIRATION","anonymous":false,"confidential":false}""").isNotFound();
    }

    private String submit() {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.",
                         "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) answer.get("trackingId");
        secrets.put(id, (String) answer.get("reporterSecret"));
        return id;
    }

    /** Routing's decision arrives on aduan.routing; intake has recorded it once the assignment is published. */
    private static void routeTo(String id, String agency) {
        TopicWriter.send(Complaints.envelope(Complaints.routed(id, agency, Instant.now())));
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitEvent(ComplaintAssigned.class, id, Duration.ofSeconds(60));
        }
    }

    /** A reporter's step: a citizen token and the complaint's reporter secret. */
    private StatusAssertions postAsReporter(String id, String step, String body) {
        return http.post().uri("/api/v1/complaints/{id}/{step}", id, step)
                .headers(h -> {
                    h.setBearerAuth(TOKENS.citizen());
                    h.set(ReporterSecret.HEADER, secrets.get(id));
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus();
    }

    private StatusAssertions post(String id, String step, String token, String body) {
        return http.post().uri("/api/v1/complaints/{id}/{step}", id, step)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus();
    }

    /** The types of the events published about the complaint, once at least this many arrived. */
    private static List<Class<?>> publishedTypes(String id, int atLeast) {
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            List<EventEnvelope<?>> events = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> complaints.eventsAbout(id, Duration.ofMillis(300)), list -> list.size() >= atLeast);
            return events.stream().<Class<?>>map(e -> ((AduanEvent) e.data()).getClass()).toList();
        }
    }
}
