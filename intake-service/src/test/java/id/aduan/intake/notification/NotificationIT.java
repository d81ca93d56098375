package id.aduan.intake.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.contracts.Topic;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.localinfra.MailServer;
import id.aduan.localinfra.MailServer.Received;
import id.aduan.intake.IntakeApplication;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.AnotherInstance;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reporters hear of their complaint's steps by e-mail, on the test kit's real SMTP server, and by SMS
 * through a double of the SMS gateway (docs/notifications.md).
 */
@AduanServiceTest
class NotificationIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final MailServer MAIL = Infrastructure.shared().mailServer();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DPUPR = "32.73.DPUPR";
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(/api/v1/notifications/unsubscribe\\?token=\\S+)");

    @Autowired
    WebTestClient http;
    @Autowired
    EventProcessingConfiguration processing;

    private OverHttp steps;

    @BeforeEach
    void setUp() {
        steps = new OverHttp(http);
    }

    @Test
    void eachStepReachesTheReporterByMailInIndonesianWithTheTrackingLink() {
        String email = uniqueEmail();
        Submitted complaint = steps.submit(complaint("Siti Rahayu", email, null, true));
        String id = complaint.trackingId();
        String link = "http://localhost:8080/api/v1/complaints/" + id;

        steps.verify(id, true, false);
        OverHttp.routeTo(id, DPUPR);
        steps.post("/api/v1/complaints/" + id + "/follow-ups", TOKENS.agency(DPUPR), "{\"text\":\"Lubang sudah ditambal.\"}")
                .expectStatus().isOk();

        List<Received> received = awaitMail(email, 3);
        assertThat(received).extracting(Received::subject).containsExactly(
                "Laporan " + id + " telah diverifikasi",
                "Laporan " + id + " diteruskan ke " + DPUPR,
                "Tindak lanjut atas laporan " + id);
        // Anonymity hides the reporter from others, not from themselves: they are still told, by name.
        assertThat(received.get(0).text()).startsWith("Yth. Siti Rahayu,").contains("telah diverifikasi", link);
        assertThat(received.get(0).html()).contains("href=\"" + link + "\"");
        assertThat(received.get(2).text()).contains("Lubang sudah ditambal.");
    }

    @Test
    void anErasedReporterIsToldNothing() {
        String email = uniqueEmail();
        Submitted complaint = steps.submit(complaint("Budi Santoso", email, null, false));
        steps.awaitView(complaint.trackingId(), "\"status\"");
        String reporterRef = reporterRef(complaint.trackingId());
        steps.post("/api/v1/reporters/" + reporterRef + "/erasure", TOKENS.coordinator(),
                "{\"verification\":\"KTP diperiksa di loket\",\"requestedAt\":\"%s\"}".formatted(Instant.now().minusSeconds(60)))
                .expectStatus().isOk();

        steps.verify(complaint.trackingId(), false, false);

        // The processor handles events in order: once a later complaint's reporter is told, the erased one was passed by.
        awaitSentinel();
        assertThat(mailTo(email)).isEmpty();
    }

    /** The step's event handled again after its mail was sent, as after a crash before the token moved on. */
    @Test
    void aStepHandledAgainAfterItsMailWasSentIsNotSentAgain() {
        String email = uniqueEmail();
        Submitted complaint = steps.submit(complaint("Wayan Sudarma", email, null, false));
        steps.verify(complaint.trackingId(), false, false);
        awaitMail(email, 1);

        StreamingEventProcessor processor = processing
                .eventProcessor(NotificationProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        awaitSentinel();
        assertThat(mailTo(email)).hasSize(1);
    }

    /** A second instance on the same database and mail server: both send, neither sends a step twice. */
    @Test
    void twoInstancesSendEachStepOnce() {
        List<String> emails = new ArrayList<>();
        try (AnotherInstance other = AnotherInstance.start(IntakeApplication.class, OutboundDoubles.properties())) {
            for (int i = 0; i < 8; i++) {
                String email = uniqueEmail();
                emails.add(email);
                Submitted complaint = steps.submit(complaint("Pelapor " + i, email, null, false));
                steps.verify(complaint.trackingId(), false, false);
            }
            emails.forEach(email -> awaitMail(email, 1));
            awaitSentinel();
        }
        assertThat(emails).allSatisfy(email -> assertThat(mailTo(email)).hasSize(1));
    }

    @Test
    void theUnsubscribeLinkStopsTheComplaintsNotifications() {
        String email = uniqueEmail();
        Submitted complaint = steps.submit(complaint("Rina Wati", email, null, false));
        steps.verify(complaint.trackingId(), false, false);
        Matcher link = UNSUBSCRIBE.matcher(awaitMail(email, 1).get(0).text());
        assertThat(link.find()).isTrue();

        // Opening the link only asks; the answer stops them.
        http.get().uri(link.group(1)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("confirm"));
        OverHttp.routeTo(complaint.trackingId(), DPUPR);
        awaitSentinel();
        assertThat(mailTo(email)).hasSize(2);

        http.get().uri(link.group(1) + "&confirm=true").exchange().expectStatus().isOk();
        steps.post("/api/v1/complaints/" + complaint.trackingId() + "/follow-ups", TOKENS.agency(DPUPR), "{\"text\":\"Selesai.\"}")
                .expectStatus().isOk();
        awaitSentinel();
        assertThat(mailTo(email)).hasSize(2);

        http.get().uri("/api/v1/notifications/unsubscribe?token=" + complaint.trackingId() + ".00&confirm=true").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
    }

    @Test
    void theSmsGatewayDownAtFirstGetsEachStepOnceAndInOrder() {
        String phone = "+62812" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 8);
        OutboundDoubles.SMS.answer(phone, 503);
        Submitted complaint = steps.submit(complaint("Agus", null, phone, false));
        String id = complaint.trackingId();

        steps.verify(id, false, false);
        OverHttp.routeTo(id, DPUPR);

        List<OutboundDoubles.Call> calls = Awaitility.await().atMost(WAIT)
                .until(() -> OutboundDoubles.SMS.callsTo(phone), received -> received.size() >= 3);
        assertThat(calls).extracting(OutboundDoubles.Call::status).containsExactly(503, 200, 200);
        // The failed call is retried as the same delivery; the next step waits for it.
        assertThat(calls.get(0).delivery()).isEqualTo(calls.get(1).delivery()).isNotEqualTo(calls.get(2).delivery());
        assertThat(calls.get(1).body().get("text")).asString().contains("diverifikasi", id);
        assertThat(calls.get(2).body().get("text")).asString().contains("diteruskan ke " + DPUPR);
        assertThat(calls).allSatisfy(call -> assertThat(call.signature()).isEqualTo(call.signatureOfBody()));
        awaitSentinel();
        assertThat(OutboundDoubles.SMS.callsTo(phone)).hasSize(3);
    }

    /** sla-service's warning on the reporter window, delivered twice as Kafka may: one reminder. */
    @Test
    void theReporterWindowsWarningRemindsTheReporterOnce() {
        String email = uniqueEmail();
        Submitted complaint = steps.submit(complaint("Dewi Lestari", email, null, false));
        String id = complaint.trackingId();
        steps.verify(id, false, false);
        awaitMail(email, 1);

        Instant dueAt = Instant.parse("2026-03-26T17:00:00Z");
        EventEnvelope<SlaClockWarning> warning = Complaints.envelope(new SlaClockWarning(id, "clk-window", ClockKind.REPORTER_WINDOW,
                DPUPR, dueAt, Instant.parse("2026-03-24T17:00:00Z")));
        TopicWriter.send(Complaints.envelope(new SlaClockWarning(id, "clk-follow-up", ClockKind.FOLLOW_UP, DPUPR, dueAt,
                Instant.parse("2026-03-25T17:00:00Z"))));
        TopicWriter.send(warning);
        TopicWriter.send(warning);

        Received reminder = awaitMail(email, 2).get(1);
        assertThat(reminder.subject()).isEqualTo("Pengingat: tanggapi penyelesaian laporan " + id);
        assertThat(reminder.text()).contains("2 hari kerja (2026-03-26)");
        ConsumerGroups.awaitCaughtUp("intake-service", WAIT, Topic.SLA);
        awaitSentinel();
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void failedNotificationsAreForCoordinatorsOnly() {
        http.get().uri("/api/v1/notifications/failed").headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$").isArray();
        http.get().uri("/api/v1/notifications/failed").headers(h -> h.setBearerAuth(TOKENS.agency(DPUPR))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/notifications/failed").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/notifications/failed?limit=0").headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    /** A complaint of a reporter of its own, verified, until its mail arrives. */
    private void awaitSentinel() {
        String email = uniqueEmail();
        Submitted sentinel = steps.submit(complaint("Penanda", email, null, false));
        steps.verify(sentinel.trackingId(), false, false);
        awaitMail(email, 1);
    }

    private static List<Received> awaitMail(String email, int count) {
        return Awaitility.await().atMost(WAIT).until(() -> mailTo(email), received -> received.size() >= count);
    }

    private static List<Received> mailTo(String email) {
        return MAIL.received().stream().filter(message -> message.to().contains(email)).toList();
    }

    private static String uniqueEmail() {
        return "pelapor-" + UUID.randomUUID() + "@example.id";
    }

    private static String complaint(String name, String email, String phone, boolean anonymous) {
        String reporter = "{\"name\":\"%s\"%s%s}".formatted(name, email == null ? "" : ",\"email\":\"" + email + "\"",
                phone == null ? "" : ",\"phone\":\"" + phone + "\"");
        return """
                {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"anonymous":%s,"reporter":%s}"""
                .formatted(anonymous, reporter);
    }

    private String reporterRef(String trackingId) {
        Map<?, ?> view = steps.track(trackingId, TOKENS.coordinator(), null).expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) view.get("reporter")).get("reporterRef");
    }
}
