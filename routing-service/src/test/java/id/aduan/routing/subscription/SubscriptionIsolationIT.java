package id.aduan.routing.subscription;

import static id.aduan.routing.subscription.RoutingSteps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Agency A never receives agency B's complaints, on any of the three paths: its Kafka topic, its
 * event stream and its webhook. A complaint that moves from A to B tells A that it left, and
 * nothing after that.
 */
@SubscriptionTest
class SubscriptionIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    AgencyFeed feed;

    @Autowired
    Subscriptions subscriptions;

    private final TestIssuer issuer = TestIssuer.shared();
    private final String agencyA = RoutingSteps.freshAgency();
    private final String agencyB = RoutingSteps.freshAgency();
    private final String agencyC = RoutingSteps.freshAgency();
    private final Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();
    /** The events each agency must receive, every one about a complaint that is or was its own. */
    private final Map<String, List<EventEnvelope<ComplaintRouted>>> expected = new LinkedHashMap<>();

    @BeforeEach
    void registerWebhooksThenRouteComplaintsToEachAgencyAndMoveOneFromAToBToC() {
        for (String agency : List.of(agencyA, agencyB)) {
            WebhookReceiver receiver = new WebhookReceiver(true);
            receivers.put(agency, receiver);
            http.post().uri("/api/v1/agencies/{code}/webhooks", agency)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.agency(agency))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", receiver.url()))
                    .exchange().expectStatus().isCreated();
            expected.put(agency, new ArrayList<>());
        }
        for (int i = 0; i < 3; i++) {
            expected.get(agencyA).add(RoutingSteps.routedTo(agencyA));
            expected.get(agencyB).add(RoutingSteps.routedTo(agencyB));
        }
        EventEnvelope<ComplaintRouted> routedToA = RoutingSteps.routedTo(agencyA);
        String moving = routedToA.data().complaintId();
        EventEnvelope<ComplaintRouted> aToB = RoutingSteps.forwarded(moving, agencyA, agencyB, 1);
        EventEnvelope<ComplaintRouted> bToC = RoutingSteps.forwarded(moving, agencyB, agencyC, 2);
        expected.get(agencyA).addAll(List.of(routedToA, aToB));
        expected.get(agencyB).addAll(List.of(aToB, bToC));
        RoutingSteps.awaitFeedsCaughtUp();
    }

    @AfterEach
    void stopReceivers() {
        receivers.values().forEach(WebhookReceiver::close);
    }

    @Test
    void eachAgencysFeedHoldsExactlyItsOwnComplaints() {
        for (String agency : List.of(agencyA, agencyB)) {
            assertThat(feed.head(agency).block(PATIENCE)).isEqualTo(expected.get(agency).size());
            assertThat(feed.after(agency, 0, 100).map(entry -> entry.eventId()).collectList().block(PATIENCE))
                    .containsExactlyInAnyOrderElementsOf(ids(expected.get(agency)));
        }
        assertThat(feed.head(agencyC).block(PATIENCE)).isEqualTo(1);
    }

    @Test
    void theAgencyTopicCarriesOnlyTheAgencysComplaintsKeyedByComplaintInOrder() {
        for (String agency : List.of(agencyA, agencyB)) {
            int count = expected.get(agency).size();
            await().atMost(PATIENCE).until(() -> subscriptions.find(agency, Subscriptions.topicId(agency))
                    .map(topic -> topic.deliveredUpTo() == count).blockOptional(PATIENCE).orElse(false));
            List<ConsumerRecord<String, byte[]>> records = readAsTheAgencysSystem(SubscriptionTest.TOPIC_PREFIX + agency, count);
            List<EventEnvelope<?>> events = records.stream().<EventEnvelope<?>>map(r -> CloudEventCodec.decode(r.value())).toList();
            assertThat(events).extracting(EventEnvelope::id).containsExactlyInAnyOrderElementsOf(ids(expected.get(agency)));
            assertThat(records).allSatisfy(record -> assertThat(record.key())
                    .isEqualTo(CloudEventCodec.decode(record.value()).subject()));
            assertInOrderPerComplaint(events, expected.get(agency));
        }
    }

    @Test
    void theEventStreamCarriesOnlyTheAgencysComplaints() {
        EventStreamClient stream = new EventStreamClient(port);
        for (String agency : List.of(agencyA, agencyB)) {
            int count = expected.get(agency).size();
            List<ServerSentEvent<String>> events = stream.events(agency, issuer.agency(agency), null)
                    .take(count).collectList().block(PATIENCE);
            List<EventEnvelope<?>> decoded = events.stream()
                    .<EventEnvelope<?>>map(event -> CloudEventCodec.decode(event.data().getBytes(StandardCharsets.UTF_8))).toList();
            assertThat(decoded).extracting(EventEnvelope::id).containsExactlyInAnyOrderElementsOf(ids(expected.get(agency)));
            // The feed holds no more than these, so the stream has nothing else to send.
            assertThat(events.get(count - 1).id()).isEqualTo(Long.toString(feed.head(agency).block(PATIENCE)));
            assertInOrderPerComplaint(decoded, expected.get(agency));
        }
    }

    @Test
    void theWebhookReceivesOnlyTheAgencysComplaints() {
        for (String agency : List.of(agencyA, agencyB)) {
            WebhookReceiver receiver = receivers.get(agency);
            int count = expected.get(agency).size();
            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= count);
            await().atMost(PATIENCE).until(() -> subscriptions.of(agency, Subscription.Kind.WEBHOOK)
                    .all(webhook -> webhook.backlog() == 0 && webhook.deliveredUpTo() == count).block(PATIENCE));
            List<EventEnvelope<?>> decoded = receiver.deliveries().stream()
                    .<EventEnvelope<?>>map(call -> CloudEventCodec.decode(call.body())).toList();
            assertThat(decoded).extracting(EventEnvelope::id).containsExactlyInAnyOrderElementsOf(ids(expected.get(agency)));
            assertInOrderPerComplaint(decoded, expected.get(agency));
        }
    }

    /** Kafka keeps order per complaint, not across complaints: each complaint's steps arrive as routed. */
    private static void assertInOrderPerComplaint(List<EventEnvelope<?>> received, List<EventEnvelope<ComplaintRouted>> sent) {
        for (EventEnvelope<ComplaintRouted> step : sent) {
            String complaint = step.data().complaintId();
            assertThat(received.stream().filter(event -> event.subject().equals(complaint)).map(EventEnvelope::id).toList())
                    .containsExactlyElementsOf(sent.stream().filter(event -> event.subject().equals(complaint)).map(EventEnvelope::id).toList());
        }
    }

    /** The first records on the topic, read the way docs/subscriptions.md shows an agency's system reading it. */
    private static List<ConsumerRecord<String, byte[]>> readAsTheAgencysSystem(String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "agency-system-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).as("records on %s", topic).hasSize(count);
        return records;
    }

    private static List<String> ids(List<EventEnvelope<ComplaintRouted>> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }
}
