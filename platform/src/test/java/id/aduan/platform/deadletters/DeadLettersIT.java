package id.aduan.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventConsumers;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The platform's dead letters in a service of its own: an event its handler fails on lands on the
 * dead-letter topic, a coordinator lists it, fixes the cause and re-drives it into this service only;
 * and a dead-letter topic that refuses the letter holds the consumer on the event rather than losing it.
 */
@AduanServiceTest
@TestPropertySource(properties = {
        "spring.application.name=" + DeadLettersIT.SERVICE,
        "spring.cloud.function.definition=letters;stuck",
        "spring.cloud.stream.bindings.letters-in-0.destination=" + DeadLettersIT.LETTERS,
        "spring.cloud.stream.bindings.stuck-in-0.destination=" + DeadLettersIT.STUCK,
        "spring.cloud.stream.kafka.bindings.stuck-in-0.consumer.dlq-name=" + DeadLettersIT.STUCK_DEAD_LETTERS,
        "aduan.dead-letters.depth-refresh=1s"})
class DeadLettersIT {

    static final String SERVICE = "platform-it";
    static final String LETTERS = "platform-it.letters";
    static final String STUCK = "platform-it.stuck";
    static final String STUCK_DEAD_LETTERS = "platform-it.stuck.dlq";
    private static final String PATH = "/api/v1/dead-letters/" + SERVICE;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    WebTestClient http;

    @Autowired
    MeterRegistry registry;

    @Autowired
    Poison poison;

    /** Reading the dead-letter topic takes a while on a busy machine. */
    @Autowired
    void http(WebTestClient client) {
        http = client.mutate().responseTimeout(PATIENCE).build();
    }

    /** A dead-letter topic too small for any letter: the broker refuses every send to it until it is fixed. */
    @BeforeAll
    static void createAStuckDeadLetterTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(STUCK_DEAD_LETTERS, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void aPoisonEventIsListedAndOnceFixedRedrivenIntoThisServiceOnlyAndOnce() {
        EventEnvelope<ComplaintSubmitted> event = poisoned();
        TopicWriter.send(LETTERS, event.subject(), CloudEventCodec.encode(event));

        JsonNode letter = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> letterOf(list(), event.id()), found -> found != null);
        assertThat(letter.get("type").asText()).isEqualTo(event.type());
        assertThat(letter.get("subject").asText()).isEqualTo(event.subject());
        assertThat(letter.get("originalTopic").asText()).isEqualTo(LETTERS);
        assertThat(letter.get("consumerGroup").asText()).isEqualTo(SERVICE);
        assertThat(letter.get("error").asText()).contains("the agency directory is down");
        assertThat(letter.get("resolved").asBoolean()).isFalse();
        assertThat(poison.handled(event.id())).isZero();
        JsonNode shown = get(PATH + "/" + event.id(), TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(shown.at("/0/event/id").asText()).isEqualTo(event.id());
        assertThat(shown.at("/0/event/data/complaintId").asText()).isEqualTo(event.subject());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> gauge() == unresolved());
        double before = gauge();

        poison.cure(event.subject());
        JsonNode redriven = redrive(event.id()).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String redrivenAt = redriven.at("/0/redrivenAt").asText();
        assertThat(redrivenAt).isNotEmpty();
        assertThat(poison.handled(event.id())).isEqualTo(1);

        // Again, alone and with every unresolved letter: the event is resolved and nothing is handled twice.
        assertThat(redrive(event.id()).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/0/redrivenAt").asText()).isEqualTo(redrivenAt);
        post(PATH + "/redrive", TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody().jsonPath("$.redriven[?(@ == '" + event.id() + "')]").doesNotExist();
        assertThat(poison.handled(event.id())).isEqualTo(1);
        assertThat(letterOf(list(), event.id()).get("resolved").asBoolean()).isTrue();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> gauge() == before - 1);
    }

    @Test
    void aRedriveThatFailsAgainIsAConflictAndTheLetterStaysUnresolved() {
        EventEnvelope<ComplaintSubmitted> event = poisoned();
        TopicWriter.send(LETTERS, event.subject(), CloudEventCodec.encode(event));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> letterOf(list(), event.id()), found -> found != null);

        redrive(event.id()).expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("failed again"));
        post(PATH + "/redrive", TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody().jsonPath("$.failed[?(@.eventId == '" + event.id() + "')].error")
                .value(errors -> assertThat(errors.toString()).contains("the agency directory is down"));
        assertThat(letterOf(list(), event.id()).get("resolved").asBoolean()).isFalse();
        assertThat(poison.handled(event.id())).isZero();
    }

    @Test
    void onlyACoordinatorSeesOrRedrivesDeadLetters() {
        for (String caller : List.of(TestIssuer.shared().citizen(), TestIssuer.shared().agency("32.73.DPUPR"),
                TestIssuer.shared().ombudsman())) {
            get(PATH, caller).expectStatus().isForbidden().expectHeader().contentType("application/problem+json");
            post(PATH + "/redrive", caller).expectStatus().isForbidden();
            post(PATH + "/" + UUID.randomUUID() + "/redrive", caller).expectStatus().isForbidden();
        }
        http.get().uri(PATH).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theEndpointsAreInTheApiDocument() {
        String document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(document).contains("\"/api/v1/dead-letters/{service}\"", "\"/api/v1/dead-letters/{service}/{eventId}\"",
                "\"/api/v1/dead-letters/{service}/{eventId}/redrive\"", "\"/api/v1/dead-letters/{service}/redrive\"")
                .doesNotContain("payload");
    }

    @Test
    void anUnknownEventOrServiceIsNotFoundAndABadIdIsRefusedNamingIt() {
        String coordinator = TestIssuer.shared().coordinator();
        get(PATH + "/" + UUID.randomUUID(), coordinator).expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        post(PATH + "/" + UUID.randomUUID() + "/redrive", coordinator).expectStatus().isNotFound();
        get("/api/v1/dead-letters/routing-service", coordinator).expectStatus().isNotFound();
        get(PATH + "/" + "x".repeat(201), coordinator).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("eventId");
    }

    @Test
    void whileTheDeadLetterTopicRefusesTheLetterTheConsumerStaysOnTheEvent() throws Exception {
        EventEnvelope<ComplaintSubmitted> event = poisoned();
        TopicWriter.send(STUCK, event.subject(), CloudEventCodec.encode(event));

        // Two rounds of retries, each ending in a refused dead letter: the event is not committed past.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> poison.attempts(event.id()) >= 6);
        assertThat(uncommitted(STUCK)).isEqualTo(1);

        try (Admin admin = admin(); TopicWatcher deadLetters = TopicWatcher.watch(STUCK_DEAD_LETTERS)) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, STUCK_DEAD_LETTERS),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                            AlterConfigOp.OpType.SET)))).all().get();
            deadLetters.awaitRecord(record -> event.subject().equals(record.key()), PATIENCE);
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> uncommitted(STUCK) == 0);
    }

    /** The service under test: two bindings through the platform's inbox, failing on poisoned complaints. */
    @SpringBootApplication
    static class PoisonableService {

        @Bean
        Poison poison() {
            return new Poison();
        }

        @Bean
        Consumer<Message<byte[]>> letters(EventConsumers consumers, Poison poison) {
            return consumers.consumer(poison::handle);
        }

        @Bean
        Consumer<Message<byte[]>> stuck(EventConsumers consumers, Poison poison) {
            return consumers.consumer(poison::handle);
        }
    }

    /** A handler that fails on the complaints it was told to, until cured, and counts what it did. */
    static final class Poison {

        private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

        Mono<Void> handle(EventEnvelope<?> envelope) {
            return Mono.fromRunnable(() -> {
                attempts.computeIfAbsent(envelope.id(), id -> new AtomicInteger()).incrementAndGet();
                if (poisoned.contains(envelope.subject())) {
                    throw new IllegalStateException("the agency directory is down");
                }
                handled.computeIfAbsent(envelope.id(), id -> new AtomicInteger()).incrementAndGet();
            });
        }

        void poison(String subject) {
            poisoned.add(subject);
        }

        void cure(String subject) {
            poisoned.remove(subject);
        }

        int attempts(String eventId) {
            return attempts.getOrDefault(eventId, new AtomicInteger()).get();
        }

        int handled(String eventId) {
            return handled.getOrDefault(eventId, new AtomicInteger()).get();
        }
    }

    private EventEnvelope<ComplaintSubmitted> poisoned() {
        String complaintId = ComplaintIds.next();
        poison.poison(complaintId);
        return Complaints.envelope(Complaints.submitted(complaintId, null, Instant.now()));
    }

    private JsonNode list() {
        return get(PATH, TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode letterOf(JsonNode letters, String eventId) {
        for (JsonNode letter : letters) {
            if (eventId.equals(letter.path("eventId").asText())) {
                return letter;
            }
        }
        return null;
    }

    private long unresolved() {
        long count = 0;
        for (JsonNode letter : list()) {
            count += letter.hasNonNull("eventId") && !letter.get("resolved").asBoolean() ? 1 : 0;
        }
        return count;
    }

    private double gauge() {
        return registry.get("aduan.dead.letters").gauge().value();
    }

    private WebTestClient.ResponseSpec redrive(String eventId) {
        return post(PATH + "/" + eventId + "/redrive", TestIssuer.shared().coordinator());
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String token) {
        return http.post().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    /** Records on the topic that the service's consumer group has not committed past. */
    private static long uncommitted(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> partitions.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(SERVICE).partitionsToOffsetAndMetadata().get();
            long total = 0;
            for (var end : admin.listOffsets(partitions).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                total += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return total;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()));
    }
}
