package id.aduan.reporting;

import static id.aduan.testkit.Complaints.envelope;
import static id.aduan.reporting.SampleEvents.newAgencyCode;
import static id.aduan.contracts.ComplaintIds.next;
import static id.aduan.reporting.SampleEvents.routedToAgency;
import static id.aduan.reporting.SampleEvents.submitted;
import static id.aduan.reporting.SampleEvents.verificationClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.reporting.complaints.AgencyFigures;
import id.aduan.reporting.complaints.NationalFigures;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The service end to end: events written to its topics, figures read over HTTP. The database is
 * shared by every test in this JVM, so each test uses fresh complaints and agencies and compares
 * national figures with those it read before sending its events.
 */
@AduanServiceTest
class ReportingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NATIONAL = "/api/v1/reports/national";
    private static final String DEAD_LETTERS = "aduan.dlq.reporting-service";

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Test
    void aSubmittedRoutedAndClockedComplaintIsCountedOnce() {
        String id = next();
        String agency = newAgencyCode();
        Instant now = Instant.now();
        NationalFigures before = national();

        send(submitted(id, Channel.WHATSAPP, now), routedToAgency(id, agency, now), verificationClock(id, now));

        awaitCountedOnce(before, agency, Channel.WHATSAPP);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                complaint(id).getEmbedded(List.of("clocks", "VERIFICATION", "dueDate"), String.class))
                .isEqualTo(verificationClock(id, now).dueDate().toString()));
    }

    @Test
    void aRoutingThatArrivesBeforeItsSubmissionEndsUpCountedTheSame() {
        String id = next();
        String agency = newAgencyCode();
        Instant now = Instant.now();
        send(routedToAgency(id, agency, now), verificationClock(id, now));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(complaint(id)).containsKeys("routedAt", "clocks"));
        // Stored, but not counted before the submission arrives.
        assertThat(agency(agency).routedIn()).isZero();
        NationalFigures before = national();

        send(submitted(id, Channel.SMS, now.minusSeconds(5)));

        awaitCountedOnce(before, agency, Channel.SMS);
    }

    @Test
    void theSameEventsDeliveredAgainChangeNoFigure() {
        String id = next();
        String agency = newAgencyCode();
        Instant now = Instant.now();
        List<EventEnvelope<AduanEvent>> envelopes = List.of(
                envelope(submitted(id, Channel.LETTER, now)), envelope(routedToAgency(id, agency, now)),
                envelope(verificationClock(id, now)));
        NationalFigures before = national();
        envelopes.forEach(TopicWriter::send);
        awaitCountedOnce(before, agency, Channel.LETTER);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(complaint(id)).containsKey("clocks"));
        NationalFigures national = national();
        AgencyFigures agencyFigures = agency(agency);
        Document complaint = complaint(id);

        envelopes.forEach(TopicWriter::send);
        ConsumerGroups.awaitCaughtUp("reporting-service", PATIENCE, Topic.values());

        assertThat(national()).isEqualTo(national);
        assertThat(agency(agency)).isEqualTo(agencyFigures);
        assertThat(complaint(id)).isEqualTo(complaint);
    }

    @Test
    void aMalformedMessageOnAnyTopicIsDeadLetteredUnchangedAndTheNextEventIsStillHandled() {
        String id = next();
        byte[] garbage = "not a cloud event".getBytes(StandardCharsets.UTF_8);
        NationalFigures before = national();

        try (TopicWatcher deadLetters = TopicWatcher.watch(DEAD_LETTERS)) {
            for (Topic topic : Topic.values()) {
                TopicWriter.send(topic.topicName(), id, garbage);
            }
            // Same key, so the same partition: handled only if the consumer got past the malformed message.
            send(submitted(id, Channel.PHONE, Instant.now()));

            for (Topic topic : Topic.values()) {
                ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                        r -> id.equals(r.key()) && topic.topicName().equals(header(r, "x-original-topic")), PATIENCE);
                assertThat(dead.value()).isEqualTo(garbage);
                assertThat(header(dead, "x-exception-message")).contains("not a CloudEvents 1.0 JSON event");
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(national()).isEqualTo(new NationalFigures(
                before.received() + 1, before.routedToAgencies(), before.inCoordinatorsQueue(),
                before.awaitingRouting() + 1, before.agencies(), plusOne(before.byChannel(), Channel.PHONE))));
    }

    @Test
    void anAgencyAdminReadsItsOwnAgencyOnly() {
        String own = newAgencyCode();
        String token = TestIssuer.shared().agency(own);

        get("/api/v1/reports/agencies/" + own, token).expectStatus().isOk()
                .expectBody(AgencyFigures.class).isEqualTo(new AgencyFigures(own, 0, plusOne(Map.of(), null)));
        expectProblem(get("/api/v1/reports/agencies/" + newAgencyCode(), token), 403);
        expectProblem(get(NATIONAL, token), 403);
    }

    @Test
    void coordinatorsAndTheOmbudsmanReadEverythingAndCitizensNothing() {
        String agency = "/api/v1/reports/agencies/" + newAgencyCode();
        for (String reader : List.of(TestIssuer.shared().coordinator(), TestIssuer.shared().ombudsman())) {
            get(NATIONAL, reader).expectStatus().isOk();
            get(agency, reader).expectStatus().isOk();
        }
        expectProblem(get(NATIONAL, TestIssuer.shared().citizen()), 403);
        expectProblem(get(agency, TestIssuer.shared().citizen()), 403);
    }

    @Test
    void withoutATokenNoFigureIsShown() {
        expectProblem(http.get().uri(NATIONAL).exchange(), 401);
        expectProblem(http.get().uri("/api/v1/reports/agencies/KEMENKES").exchange(), 401);
    }

    @Test
    void aMalformedAgencyCodeIsRefusedNamingTheField() {
        expectProblem(get("/api/v1/reports/agencies/dukcapil", TestIssuer.shared().coordinator()), 400)
                .jsonPath("$.errors[0].field").isEqualTo("code");
    }

    /** The complaint counted once more nationally, and as the only one of its fresh agency. */
    private void awaitCountedOnce(NationalFigures before, String agency, Channel channel) {
        NationalFigures expected = new NationalFigures(before.received() + 1, before.routedToAgencies() + 1,
                before.inCoordinatorsQueue(), before.awaitingRouting(), before.agencies() + 1,
                plusOne(before.byChannel(), channel));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(national()).isEqualTo(expected));
        assertThat(agency(agency)).isEqualTo(new AgencyFigures(agency, 1, plusOne(Map.of(), channel)));
    }

    /**
     * Waits until the service's consumer group has committed, on every partition of its topics, the
     * offset the partition ends at now. The binder commits an offset only once the handler returned for
     * the records before it (or dead-lettered them), so then every record written so far was handled.
     * No figure or document would show that for events that change nothing, hence this.
     */
    private static void send(AduanEvent... events) {
        Arrays.stream(events).forEach(event -> TopicWriter.send(envelope(event)));
    }

    private NationalFigures national() {
        return get(NATIONAL, TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(NationalFigures.class).returnResult().getResponseBody();
    }

    private AgencyFigures agency(String code) {
        return get("/api/v1/reports/agencies/" + code, TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(AgencyFigures.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    /** The complaint's document in the read model, or an empty one before any event about it arrived. */
    private Document complaint(String id) {
        return Mono.from(database.getCollection("complaints").find(Filters.eq("_id", id)).first())
                .defaultIfEmpty(new Document()).block();
    }

    /** The counts with one more for the channel (none more for null), every channel listed. */
    private static Map<Channel, Long> plusOne(Map<Channel, Long> counts, Channel channel) {
        Map<Channel, Long> result = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(c -> result.put(c, counts.getOrDefault(c, 0L) + (c == channel ? 1 : 0)));
        return result;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
