package id.aduan.intake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Topic;
import id.aduan.localinfra.KafkaKraftBroker;
import id.aduan.localinfra.LocalPorts;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.InfrastructureContextCustomizerFactory;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Complaints submitted while Kafka is down are kept in the event store and published once the
 * broker is back. Uses a broker of its own, started only after the submission. Intake's consumers
 * are left unbound: with no broker each binding holds start-up for a minute, and they are not what
 * this test is about.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.cloud.function.definition=",
        "spring.cloud.stream.function.autodetect=false"})
class KafkaOutageIT {

    private static final int KAFKA_PORT = LocalPorts.free();
    private static KafkaKraftBroker broker;

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
        registry.add("spring.data.mongodb.uri", () -> Infrastructure.shared().mongoUri("aduan-kafka-outage"));
        // An event store of its own: no other context's publisher may publish this complaint.
        InfrastructureContextCustomizerFactory.dataSource("aduan_kafka_outage").forEach((key, value) -> registry.add(key, () -> value));
        TestIssuer.shared().resourceServerProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void complaintsSubmittedWhileKafkaIsDownArePublishedWhenItReturns() throws IOException {
        // Several, so that the publisher meets them as one batch and must not commit part of it.
        List<String> trackingIds = IntStream.range(0, 5).mapToObj(i -> submit("Sampah menumpuk " + i)).toList();

        // Time for the publisher to try while the broker is away. A pooled processor shows it as an error state, as a
        // released segment or only as a batch awaiting acknowledgements, so no one sign is waited for.
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() -> true);

        broker = KafkaKraftBroker.start(Files.createTempDirectory("aduan-outage-kafka"), KAFKA_PORT, 0);
        try (TopicWatcher complaints = TopicWatcher.on(broker.bootstrapServers(), Topic.COMPLAINTS)) {
            for (int i = 0; i < trackingIds.size(); i++) {
                ComplaintSubmitted published =
                        complaints.awaitEvent(ComplaintSubmitted.class, trackingIds.get(i), Duration.ofSeconds(90)).data();
                assertThat(published.title()).isEqualTo("Sampah menumpuk " + i);
            }
        }
    }

    private String submit(String title) {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title":"%s","description":"Sampah tidak diangkut seminggu.",
                         "categoryCode":"ENV.WASTE","location":{"regionCode":"35.78"}}""".formatted(title))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("trackingId");
    }
}
