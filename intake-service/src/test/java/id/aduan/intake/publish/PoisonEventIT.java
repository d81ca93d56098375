package id.aduan.intake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.intake.OverHttp;
import id.aduan.platform.events.EventPublisher;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.InfrastructureContextCustomizerFactory;
import id.aduan.testkit.Prometheus;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One complaint whose event the producer refuses (as it refuses a record over its size limit) is parked in
 * the publisher's dead-letter queue, retried a bounded number of times, and listed for coordinators, while
 * the other complaints are published; once the cause is fixed a coordinator's retry publishes its events,
 * each once and in order. An event store of its own: no other test context's publisher may publish it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Its consumers unbound: in the shared consumer group they would take records meant for other tests' contexts.
        "spring.cloud.function.definition=",
        "spring.cloud.stream.function.autodetect=false",
        "aduan.intake.dead-letters.automatic-retries=2",
        "aduan.intake.dead-letters.first-backoff=1s",
        "aduan.intake.dead-letters.max-backoff=1s",
        "aduan.intake.dead-letters.look-every=500ms"})
@Import(PoisonEventIT.RefusingProducer.class)
@AutoConfigureObservability(tracing = false)
class PoisonEventIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = "/api/v1/publishing/dead-letters";

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = Infrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mail.port", () -> infrastructure.mailServer().smtpPort());
        registry.add("spring.data.mongodb.uri", () -> infrastructure.mongoUri("aduan-poison-event"));
        InfrastructureContextCustomizerFactory.dataSource("aduan_poison_event").forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.resourceServerProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Refuses every record that mentions {@link #poison}, at once, as the producer refuses one too large. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RefusingProducer {

        static volatile String poison = "never";

        @Bean
        @Primary
        EventPublisher refusingEventPublisher(KafkaTemplate<String, byte[]> kafka) {
            return new EventPublisher(new KafkaTemplate<>(kafka.getProducerFactory()) {
                @Override
                public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(poison)) {
                        return CompletableFuture.failedFuture(new RecordTooLargeException("over max.request.size"));
                    }
                    return super.send(record);
                }
            }, "intake-service", headers -> { });
        }
    }

    @Test
    void aComplaintThePublisherCannotSendIsParkedWhileTheOthersArePublishedAndARetryPublishesItInOrder() {
        String marker = UUID.randomUUID().toString();
        RefusingProducer.poison = "Racun " + marker;
        // Patient: the first requests of a fresh context are slow on a busy machine.
        OverHttp steps = new OverHttp(http.mutate().responseTimeout(WAIT).build());
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            String poisoned = steps.submit(complaint("Racun " + marker)).trackingId();
            String before = steps.submit(complaint("Lampu jalan mati " + marker)).trackingId();
            // The coordinator verifies it: the event is stored and waits behind the parked one.
            steps.verify(poisoned, false, false);
            String after = steps.submit(complaint("Trotoar rusak " + marker)).trackingId();

            complaints.awaitEvent(ComplaintSubmitted.class, before, WAIT);
            complaints.awaitEvent(ComplaintSubmitted.class, after, WAIT);
            // Parked, then retried twice (a second apart) and still refused: now it waits for a coordinator.
            await().atMost(WAIT).untilAsserted(() -> assertThat(parked()).filteredOn("complaintId", poisoned).singleElement()
                    .satisfies(entry -> assertThat(entry).containsEntry("processor", "kafka-publisher")
                            .containsEntry("events", 2).containsEntry("eventType", "ComplaintSubmittedEvent")
                            .containsEntry("attempts", 3).containsEntry("retriedAutomatically", false))
                    .extracting(entry -> entry.get("causeMessage")).asString().contains("over max.request.size"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus())
                    .containsPattern(publisherGauge("parked_complaints", "1.0"))
                    .containsPattern(publisherGauge("parked_events", "2.0")));
            assertThat(complaints.eventsAbout(poisoned, Duration.ofSeconds(1))).isEmpty();

            RefusingProducer.poison = "fixed";
            http.post().uri(DEAD_LETTERS + "/" + poisoned + "/retry").headers(h -> h.setBearerAuth(TOKENS.coordinator()))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.complaintId").isEqualTo(poisoned)
                    .jsonPath("$.stillParked").isEmpty();

            complaints.awaitEvent(ComplaintVerified.class, poisoned, WAIT);
            // A little longer, so that an event published twice would be seen twice.
            List<EventEnvelope<?>> published = complaints.eventsAbout(poisoned, Duration.ofSeconds(3));
            assertThat(published).<Class<?>>extracting(envelope -> envelope.data().getClass())
                    .containsExactly(ComplaintSubmitted.class, ComplaintVerified.class);
            assertThat(parked()).extracting(entry -> entry.get("complaintId")).doesNotContain(poisoned);
            await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus())
                    .containsPattern(publisherGauge("parked_complaints", "0.0"))
                    .containsPattern(publisherGauge("lag_events", "0.0"))
                    .containsPattern(publisherGauge("oldest_unprocessed_age_seconds", "0.0")));
        }
    }

    @Test
    void onlyCoordinatorsSeeAndRetryParkedComplaintsAndAnUnknownOneIsNotFound() {
        http.get().uri(DEAD_LETTERS).headers(h -> h.setBearerAuth(TOKENS.citizen())).exchange().expectStatus().isForbidden();
        http.get().uri(DEAD_LETTERS).exchange().expectStatus().isUnauthorized();
        http.post().uri(DEAD_LETTERS + "/ADU-0000000000/retry").headers(h -> h.setBearerAuth(TOKENS.citizen())).exchange()
                .expectStatus().isForbidden();

        http.post().uri(DEAD_LETTERS + "/ADU-0000000000/retry").headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No parked events of complaint ADU-0000000000.");
        http.post().uri(DEAD_LETTERS + "/not-a-complaint/retry").headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("complaintId");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parked() {
        return http.get().uri(DEAD_LETTERS).headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    private String prometheus() {
        return Prometheus.scrape(http);
    }

    /** A line of the publisher's gauge in the Prometheus text format, whatever other labels it carries. */
    private static String publisherGauge(String name, String value) {
        return "(?m)^aduan_intake_processor_" + name + "\\{[^}]*processor=\"kafka-publisher\"[^}]*\\} " + value.replace(".", "\\.") + "$";
    }

    private static String complaint(String title) {
        return """
                {"title":"%s","description":"Dilaporkan warga.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"}}""".formatted(title);
    }
}
