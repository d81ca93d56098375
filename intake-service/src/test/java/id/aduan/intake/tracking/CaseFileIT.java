package id.aduan.intake.tracking;

import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The case file: every text of the conversation and who acted, to those who may read it, and the clocks. */
@AduanServiceTest
class CaseFileIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final String DPUPR = "32.73.DPUPR";

    @Autowired
    WebTestClient http;

    private OverHttp intake;

    @BeforeEach
    void overHttp() {
        intake = new OverHttp(http);
    }

    @Test
    void everyTextOfTheConversationIsInTheCaseFileAndNoneOnThePublicPage() {
        Submitted complaint = intake.submit("""
                {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"},"reporter":{"name":"Asep","phone":"+6281300000001"}}""");
        String id = complaint.trackingId();
        intake.post(step(id, "deferral"), TOKENS.coordinator(), "{\"question\":\"Di depan nomor berapa?\"}").expectStatus().isOk();
        asReporter(id, complaint.secret(), "information", "{\"information\":\"Di depan nomor 12.\"}");
        intake.verify(id, false, false);
        OverHttp.routeTo(id, DPUPR);
        intake.post(step(id, "follow-ups"), TOKENS.agency(DPUPR), "{\"text\":\"Dijadwalkan minggu ini.\"}").expectStatus().isOk();
        intake.post(step(id, "completion"), TOKENS.agency(DPUPR), "{}").expectStatus().isOk();
        asReporter(id, complaint.secret(), "reporter-answer", "{\"satisfied\":false,\"comment\":\"Masih berlubang.\"}");
        intake.post(step(id, "follow-ups"), TOKENS.agency(DPUPR), "{\"text\":\"Sudah ditambal.\"}").expectStatus().isOk();
        intake.post(step(id, "completion"), TOKENS.agency(DPUPR), "{}").expectStatus().isOk();
        asReporter(id, complaint.secret(), "reporter-answer", "{\"satisfied\":true,\"comment\":\"Terima kasih.\"}");
        asReporter(id, complaint.secret(), "rating", "{\"score\":4,\"comment\":\"Agak lama.\"}");
        intake.awaitView(id, "\"RATED\"");

        for (ResponseSpec reader : new ResponseSpec[] {caseFile(id, TOKENS.coordinator(), null), caseFile(id, TOKENS.agency(DPUPR), null),
                caseFile(id, TOKENS.ombudsman(), null), caseFile(id, null, complaint.secret())}) {
            reader.expectStatus().isOk().expectBody()
                    .jsonPath("$.complaint.timeline[?(@.step == 'DEFERRED')].text").isEqualTo("Di depan nomor berapa?")
                    .jsonPath("$.complaint.timeline[?(@.step == 'INFORMATION_SUPPLIED')].caseText").isEqualTo("Di depan nomor 12.")
                    .jsonPath("$.complaint.timeline[?(@.step == 'VERIFIED')].actor").isNotEmpty()
                    .jsonPath("$.complaint.timeline[?(@.step == 'DEFERRED')].actor").isNotEmpty()
                    .jsonPath("$.complaint.timeline[?(@.step == 'FOLLOWED_UP')].actor").isNotEmpty()
                    .jsonPath("$.complaint.timeline[?(@.step == 'MARKED_COMPLETE')].actor").isNotEmpty()
                    // The reporter's own steps name no account: it may say who they are.
                    .jsonPath("$.complaint.timeline[?(@.step == 'REOPENED')].actor").isEmpty()
                    .jsonPath("$.complaint.timeline[?(@.step == 'REOPENED')].caseText").isEqualTo("Masih berlubang.")
                    .jsonPath("$.complaint.timeline[?(@.step == 'COMPLETED')].caseText").isEqualTo("Terima kasih.")
                    .jsonPath("$.complaint.timeline[?(@.step == 'RATED')].description").isEqualTo("Pelapor memberi nilai 4 dari 5.")
                    .jsonPath("$.complaint.timeline[?(@.step == 'RATED')].caseText").isEqualTo("Agak lama.")
                    .jsonPath("$.complaint.timeline[?(@.step == 'FOLLOWED_UP')].text").isEqualTo(
                            java.util.List.of("Dijadwalkan minggu ini.", "Sudah ditambal."));
        }
        // Identity by role, as on the tracking page: the agency sees the name only, the reporter everything.
        caseFile(id, TOKENS.agency(DPUPR), null).expectBody().jsonPath("$.complaint.reporter.name").isEqualTo("Asep")
                .jsonPath("$.complaint.reporter.phone").doesNotExist();
        caseFile(id, null, complaint.secret()).expectBody().jsonPath("$.complaint.reporter.phone").isEqualTo("+6281300000001");
        intake.track(id, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.caseText)]").isEmpty()
                .jsonPath("$.timeline[?(@.actor)]").isEmpty();
    }

    @Test
    void theCaseFileShowsTheClocksAsSlaReportsThem() {
        String id = intake.submit("""
                {"title":"Lampu jalan mati","description":"Sudah seminggu.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"}}""").trackingId();
        Instant due = Instant.parse("2026-12-11T09:00:00Z");
        TopicWriter.send(Complaints.envelope(new SlaClockStarted(id, "clk-v-" + id, ClockKind.VERIFICATION, null, "Asia/Jakarta",
                Instant.parse("2026-12-08T02:00:00Z"), 3, LocalDate.parse("2026-12-11"), due)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> caseFile(id, TOKENS.coordinator(), null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.clocks[0].kind").isEqualTo("VERIFICATION")
                .jsonPath("$.clocks[0].dueAt").isEqualTo("2026-12-11T09:00:00Z")
                .jsonPath("$.clocks[0].paused").isEqualTo(false));
    }

    @Test
    void whoMayNotReadTheCaseFileIsToldAsMuchAsTheyMayKnow() {
        Submitted open = intake.submit("""
                {"title":"Jalan berlubang","description":"Lubang.","categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}""");
        Submitted rahasia = intake.submit("""
                {"title":"Pungutan liar","description":"Di kelurahan.","categoryCode":"CIVIL_SERVICE",
                 "location":{"regionCode":"32.73.01"},"confidential":true}""");
        OverHttp.routeTo(open.trackingId(), DPUPR);
        OverHttp.routeTo(rahasia.trackingId(), DPUPR);

        caseFile(open.trackingId(), TOKENS.agency("32.73.DINKES"), null).expectStatus().isForbidden();
        caseFile(open.trackingId(), TOKENS.citizen(), null).expectStatus().isForbidden();
        caseFile(open.trackingId(), null, "not-the-secret").expectStatus().isForbidden();
        caseFile(open.trackingId(), null, null).expectStatus().isUnauthorized();
        caseFile(rahasia.trackingId(), TOKENS.agency("32.73.DINKES"), null).expectStatus().isNotFound();
        caseFile(rahasia.trackingId(), null, null).expectStatus().isNotFound();
        caseFile(rahasia.trackingId(), TOKENS.agency(DPUPR), null).expectStatus().isOk();
        caseFile(rahasia.trackingId(), null, rahasia.secret()).expectStatus().isOk();
        caseFile("ADU-0000000000", TOKENS.coordinator(), null).expectStatus().isNotFound();
    }

    private ResponseSpec caseFile(String id, String token, String secret) {
        return http.get().uri("/api/v1/complaints/{id}/case-file", id).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (secret != null) {
                h.set(ReporterSecret.HEADER, secret);
            }
        }).exchange();
    }

    private void asReporter(String id, String secret, String step, String body) {
        http.post().uri(step(id, step)).headers(h -> {
            h.setBearerAuth(TOKENS.citizen());
            h.set(ReporterSecret.HEADER, secret);
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    private static String step(String id, String step) {
        return "/api/v1/complaints/" + id + "/" + step;
    }
}
