package id.aduan.reporting;

import static id.aduan.contracts.ComplaintIds.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Prometheus;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service as its callers meet it: who may read which report, how bad input is refused, how a
 * malformed message is dead-lettered, and what Prometheus scrapes (metrics export is on, as when deployed). The database is shared by every
 * test in this JVM, so each test uses fresh complaints and agencies.
 */
@AduanServiceTest
class ReportingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NATIONAL = "/api/v1/reports/national";
    private static final String DEAD_LETTERS = "aduan.dlq.reporting-service";

    @Autowired
    WebTestClient http;

    @Test
    void aLiveComplaintReachesTheNationalAndTheAgencyReport() {
        String agency = History.newAgencyCode();
        Instant now = Instant.now();
        long before = national().get("received").asLong();
        History history = History.submitted(next(), Channel.WHATSAPP, "INFRA.ROAD", "32.73.01", now).routedTo(agency, now);

        Deliveries.deliver(Deliveries.envelopes(history.events()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(agency(agency).get("routedIn").asLong()).isEqualTo(1));
        assertThat(agency(agency).at("/byChannel/WHATSAPP/received").asLong()).isEqualTo(1);
        assertThat(national().get("received").asLong()).isGreaterThan(before);
    }

    @Test
    void aMalformedMessageOnAnyTopicIsDeadLetteredUnchangedAndTheNextEventIsStillHandled() {
        String id = next();
        String agency = History.newAgencyCode();
        byte[] garbage = "not a cloud event".getBytes(StandardCharsets.UTF_8);

        try (TopicWatcher deadLetters = TopicWatcher.watch(DEAD_LETTERS)) {
            for (Topic topic : Topic.values()) {
                TopicWriter.send(topic.topicName(), id, garbage);
            }
            // Same key, so the same partitions: handled only if the consumer got past the malformed messages.
            List<AduanEvent> events = History.submitted(id, Channel.PHONE, "INFRA.ROAD", "32.73.01", Instant.now())
                    .routedTo(agency, Instant.now()).events();
            Deliveries.deliver(Deliveries.envelopes(events));

            for (Topic topic : Topic.values()) {
                ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                        r -> id.equals(r.key()) && topic.topicName().equals(header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC)), PATIENCE);
                assertThat(dead.value()).isEqualTo(garbage);
                assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a CloudEvents 1.0 JSON event");
            }
        }
        // Coordinators see them (docs/dead-letters.md): not events, so nothing to re-drive.
        JsonNode letters = read("/api/v1/dead-letters/reporting-service");
        for (Topic topic : Topic.values()) {
            assertThat(letters.findParents("subject")).anySatisfy(letter -> {
                assertThat(letter.get("subject").asText()).isEqualTo(id);
                assertThat(letter.get("originalTopic").asText()).isEqualTo(topic.topicName());
                assertThat(letter.get("eventId").isNull()).isTrue();
            });
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(agency(agency).at("/byChannel/PHONE/received").asLong())
                .isEqualTo(1));
    }

    @Test
    void prometheusSeesTheAgencysGaugesTheEventCountersAndTheConsumerLag() {
        String agency = History.newAgencyCode();
        Instant now = Instant.now();
        History history = History.submitted(next(), Channel.MOBILE_APP, "INFRA.ROAD", "32.73.01", now)
                .routedTo(agency, now)
                .verified(Classification.INFORMATION_REQUEST, now.plusSeconds(60), 0, Outcome.MET)
                .followUpWarned()
                .followUpBreached()
                .followedUp(now.plusSeconds(120), 0, Outcome.MET);
        // Delivered twice: the inbox skips the repeats, so each warning and breach counts once.
        List<EventEnvelope<AduanEvent>> envelopes = Deliveries.envelopes(history.events());
        Deliveries.deliver(envelopes);
        Deliveries.deliver(envelopes);
        // Earlier tests in this JVM may have left the consumer a backlog: the counters show once it caught up.
        ConsumerGroups.awaitCaughtUp("reporting-service", Duration.ofMinutes(3), Topic.values());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape())
                .contains("aduan_agency_open_complaints{agency=\"" + agency + "\",level=\"regency\",province=\"32\","
                        + "province_name=\"Jawa Barat\",service=\"reporting-service\"} 1.0")
                .contains("aduan_agency_follow_ups_measured{agency=\"" + agency + "\"")
                .contains("aduan_agency_completion_rate{agency=\"" + agency + "\"")
                .contains("aduan_complaints{service=\"reporting-service\",status=\"open\"}")
                .contains("aduan_coordinators_overdue_complaints")
                .contains("aduan_sla_alerts_total{agency=\"" + agency + "\",alert=\"warning\",kind=\"FOLLOW_UP\","
                        + "service=\"reporting-service\"} 1.0")
                .contains("aduan_sla_alerts_total{agency=\"" + agency + "\",alert=\"breach\",kind=\"FOLLOW_UP\","
                        + "service=\"reporting-service\"} 1.0")
                .containsPattern("aduan_reporting_events_total\\{channel=\"MOBILE_APP\",service=\"reporting-service\","
                        + "type=\"aduan.complaint.followed-up.v1\"} [1-9]")
                .containsPattern("spring_cloud_stream_binder_kafka_offset\\{group=\"reporting-service\",.*topic=\"aduan.complaints\""));
    }

    @Test
    void anAgencyAdminReadsItsOwnAgencyOnly() {
        String own = History.newAgencyCode();
        String token = TestIssuer.shared().agency(own);

        get("/api/v1/reports/agencies/" + own, token).expectStatus().isOk()
                .expectBody().jsonPath("$.scope.code").isEqualTo(own).jsonPath("$.received").isEqualTo(0);
        get("/api/v1/reports/overdue?agency=" + own, token).expectStatus().isOk();
        expectProblem(get("/api/v1/reports/agencies/" + History.newAgencyCode(), token), 403);
        expectProblem(get("/api/v1/reports/overdue", token), 403);
        expectProblem(get(NATIONAL, token), 403);
        expectProblem(get("/api/v1/reports/regions/32", token), 403);
        expectProblem(get("/api/v1/reports/rankings?metric=received&level=province", token), 403);
    }

    @Test
    void coordinatorsAndTheOmbudsmanReadEverythingAndCitizensNothing() {
        List<String> everything = List.of(NATIONAL, "/api/v1/reports/regions/32.73.01",
                "/api/v1/reports/agencies/" + History.newAgencyCode(), "/api/v1/reports/rankings?metric=overdue&level=agency",
                "/api/v1/reports/overdue", "/api/v1/reports/rebuild");
        for (String reader : List.of(TestIssuer.shared().coordinator(), TestIssuer.shared().ombudsman())) {
            everything.forEach(path -> get(path, reader).expectStatus().isOk());
        }
        everything.forEach(path -> expectProblem(get(path, TestIssuer.shared().citizen()), 403));
    }

    @Test
    void onlyACoordinatorMayRebuildTheReadModel() {
        for (String caller : List.of(TestIssuer.shared().ombudsman(), TestIssuer.shared().agency("32.73.DPUPR"))) {
            expectProblem(http.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBearerAuth(caller)).exchange(), 403);
        }
    }

    @Test
    void withoutATokenNoFigureIsShown() {
        expectProblem(http.get().uri(NATIONAL).exchange(), 401);
        expectProblem(http.get().uri("/api/v1/reports/agencies/KEMENKES").exchange(), 401);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String coordinator = TestIssuer.shared().coordinator();
        record Case(String path, String field) {
        }
        for (Case bad : List.of(
                new Case("/api/v1/reports/agencies/dukcapil", "code"),
                new Case("/api/v1/reports/regions/3273", "code"),
                new Case("/api/v1/reports/regions/99.01", "code"),
                new Case(NATIONAL + "?from=2025-13-01", "from"),
                new Case(NATIONAL + "?from=2025-03-01&to=2025-02-28", "to"),
                new Case(NATIONAL + "?interval=week", "interval"),
                new Case("/api/v1/reports/rankings?metric=happiness&level=province", "metric"),
                new Case("/api/v1/reports/rankings?metric=received&level=village", "level"),
                new Case("/api/v1/reports/rankings?metric=received&level=province&order=up", "order"),
                new Case("/api/v1/reports/rankings?metric=received&level=province&size=0", "size"),
                new Case("/api/v1/reports/rankings?metric=received&level=province&within=Jabar", "within"),
                new Case("/api/v1/reports/overdue?page=-1", "page"))) {
            expectProblem(get(bad.path(), coordinator), 400).jsonPath("$.errors[0].field").isEqualTo(bad.field());
        }
    }

    private JsonNode national() {
        return read(NATIONAL);
    }

    private JsonNode agency(String code) {
        return read("/api/v1/reports/agencies/" + code);
    }

    private JsonNode read(String path) {
        return get(path, TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String scrape() {
        return Prometheus.scrape(http);
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
