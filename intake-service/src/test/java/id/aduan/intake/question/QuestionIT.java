package id.aduan.intake.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.QuestionExpired;
import id.aduan.contracts.Topic;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.intake.StoredEvents;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The agency holding a complaint asks the reporter a question during follow-up, over HTTP and Kafka. */
@AduanServiceTest
class QuestionIT {

    private static final String DPUPR = "32.73.DPUPR";
    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUESTION = "Lubangnya di lajur kiri atau kanan?";
    private static final String ANSWER = "Lajur kiri, depan rumah saya nomor 12.";

    @Autowired
    WebTestClient http;
    @Autowired
    MongoClient mongo;

    private OverHttp steps;

    @BeforeEach
    void setUp() {
        steps = new OverHttp(http);
    }

    @Test
    void theAgencyAsksTheReporterAnswersAndTheTimelineShowsBothButTheAnswerOnlyInTheCaseFile() {
        Submitted complaint = disposedToDpupr();
        String id = complaint.trackingId();
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            ask(id, TOKENS.agency(DPUPR), QUESTION).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("VERIFIED");
            QuestionAsked asked = complaints.awaitEvent(QuestionAsked.class, id, WAIT).data();
            assertThat(asked.agencyCode()).isEqualTo(DPUPR);
            assertThat(asked.question()).isEqualTo(QUESTION);

            // It may still follow up, but not mark it complete while the reporter has the question.
            steps.post(path(id, "follow-ups"), TOKENS.agency(DPUPR), "{\"text\":\"Tim sedang mengecek lokasi.\"}")
                    .expectStatus().isOk();
            steps.post(path(id, "completion"), TOKENS.agency(DPUPR), "{}").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.complaintStatus").isEqualTo("IN_PROCESS");
            ask(id, TOKENS.agency(DPUPR), "Dan ukurannya?").expectStatus().isEqualTo(HttpStatus.CONFLICT);

            answer(id, complaint.secret(), ANSWER).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_PROCESS");
            QuestionClosed closed = complaints.awaitEvent(QuestionClosed.class, id, WAIT).data();
            assertThat(closed.reason()).isEqualTo(QuestionClosed.Reason.ANSWERED);
            // The reporter's words stay in intake: not in any event on the topic.
            assertThat(complaints.eventsAbout(id, Duration.ofMillis(300)))
                    .allSatisfy(event -> assertThat(new String(CloudEventCodec.encode(event), StandardCharsets.UTF_8))
                            .doesNotContain("depan rumah saya"));
        }

        steps.awaitView(id, "QUESTION_ANSWERED");
        steps.track(id, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.step == 'QUESTION_ASKED')].text").isEqualTo(QUESTION)
                .jsonPath("$.timeline[?(@.step == 'QUESTION_ASKED')].agencyCode").isEqualTo(DPUPR)
                .jsonPath("$.timeline[?(@.step == 'QUESTION_ANSWERED')].description").isEqualTo("Pelapor menjawab pertanyaan " + DPUPR + ".")
                .jsonPath("$.timeline[?(@.step == 'QUESTION_ANSWERED')].caseText").doesNotExist();
        steps.track(id, null, null).expectBody(String.class).value(body -> assertThat(body).doesNotContain("depan rumah saya"));
        assertThat(caseTextOf(id, "QUESTION_ANSWERED")).isEqualTo(ANSWER);

        steps.post(path(id, "completion"), TOKENS.agency(DPUPR), "{}").expectStatus().isOk();
    }

    @Test
    void badInputAndTheWrongPartyAreRefusedWithProblemsAndRecordNothing() {
        Submitted complaint = disposedToDpupr();
        String id = complaint.trackingId();
        long before = StoredEvents.about(id);

        ask(id, TOKENS.agency(DPUPR), "  ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("question")
                .jsonPath("$.type").isEqualTo(ProblemType.VALIDATION.uri().toString());
        ask(id, TOKENS.agency(DPUPR), "x".repeat(2001)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("question");
        ask(id, TOKENS.agency("32.73.DINKES"), QUESTION).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.FORBIDDEN.uri().toString());
        ask(id, OverHttp.liaisonOfficer(DPUPR + "/UPT-JALAN"), QUESTION).expectStatus().isForbidden();
        ask(id, TOKENS.citizen(), QUESTION).expectStatus().isForbidden();
        ask("ADU-0000000000", TOKENS.agency(DPUPR), QUESTION).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.NOT_FOUND.uri().toString());
        // No question asked yet: nothing to answer.
        answer(id, complaint.secret(), ANSWER).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.CONFLICT.uri().toString());

        ask(id, TOKENS.agency(DPUPR), QUESTION).expectStatus().isOk();
        long asked = StoredEvents.about(id);
        answer(id, null, ANSWER).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        answer(id, "bukan-rahasianya", ANSWER).expectStatus().isForbidden();
        answer(id, complaint.secret(), "").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("answer");

        assertThat(asked).isEqualTo(before + 1);
        assertThat(StoredEvents.about(id)).isEqualTo(asked);
    }

    @Test
    void aQuestionLeftUnansweredPastTheReportersTimeIsClosedAndTheAgencyMayCompleteIt() {
        Submitted complaint = disposedToDpupr();
        String id = complaint.trackingId();
        steps.post(path(id, "follow-ups"), TOKENS.agency(DPUPR), "{\"text\":\"Tim sedang mengecek lokasi.\"}").expectStatus().isOk();
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            ask(id, TOKENS.agency(DPUPR), QUESTION).expectStatus().isOk();
            QuestionAsked asked = complaints.awaitEvent(QuestionAsked.class, id, WAIT).data();
            Instant expiredAt = asked.askedAt().plus(Duration.ofDays(14));

            // An expiry of another question is skipped; the one of this question closes it.
            TopicWriter.send(Complaints.envelope(new QuestionExpired(id, "clk-old", asked.askedAt().minusSeconds(60), expiredAt)));
            TopicWriter.send(Complaints.envelope(new QuestionExpired(id, "clk-q", asked.askedAt(), expiredAt)));

            QuestionClosed closed = complaints.awaitEvent(QuestionClosed.class, id, WAIT).data();
            assertThat(closed.reason()).isEqualTo(QuestionClosed.Reason.UNANSWERED);
            assertThat(closed.closedAt()).isEqualTo(expiredAt);
        }
        steps.awaitView(id, "QUESTION_UNANSWERED");
        answer(id, complaint.secret(), ANSWER).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        steps.post(path(id, "completion"), TOKENS.agency(DPUPR), "{}").expectStatus().isOk();
    }

    /** Submitted, verified and assigned to Bandung's public works. */
    private Submitted disposedToDpupr() {
        Submitted complaint = steps.submit("""
                {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}""");
        steps.verify(complaint.trackingId(), false, false);
        OverHttp.routeTo(complaint.trackingId(), DPUPR);
        return complaint;
    }

    private ResponseSpec ask(String id, String token, String question) {
        return steps.post(path(id, "question"), token, "{\"question\":\"" + question + "\"}");
    }

    private ResponseSpec answer(String id, String secret, String answer) {
        return http.post().uri(path(id, "question-answer")).headers(h -> {
            h.setBearerAuth(TOKENS.citizen());
            if (secret != null) {
                h.set(ReporterSecret.HEADER, secret);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answer\":\"" + answer + "\"}").exchange();
    }

    private static String path(String id, String step) {
        return "/api/v1/complaints/" + id + "/" + step;
    }

    /** The case file's words of the step, as the tracking view keeps them (the case file endpoint reads them from there). */
    private String caseTextOf(String id, String step) {
        return Awaitility.await().atMost(WAIT).until(() -> {
            Document view = mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("complaint-views")
                    .find(Filters.eq("_id", id)).first();
            return view == null ? null : view.get("steps", Document.class).values().stream().map(Document.class::cast)
                    .filter(s -> step.equals(s.getString("step"))).map(s -> s.getString("caseText")).findFirst().orElse(null);
        }, text -> text != null);
    }
}
