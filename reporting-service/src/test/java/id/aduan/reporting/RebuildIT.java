package id.aduan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.Topic;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.rebuild.ReadModelRebuild;
import id.aduan.reporting.regions.Provinces;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A read model dropped and rebuilt by replaying the topics from the start is the one the live
 * consumer built event by event, shuffled and redelivered as the events came.
 */
@AduanServiceTest
@AutoConfigureObservability
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Test
    void aRebuildFromTheTopicsEqualsTheReadModelBuiltEventByEvent() {
        deliverShuffledHistories();
        Map<String, Document> live = documents(database);

        String rebuiltName = "reporting-rebuild-it";
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri(rebuiltName))) {
            MongoDatabase rebuilt = client.getDatabase(rebuiltName);
            ReadModelRebuild rebuild = new ReadModelRebuild(new ComplaintReadModel(rebuilt, Provinces.shipped()),
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()), 97);

            ReadModelRebuild.Status status = rebuild.run();

            assertThat(status.state()).isEqualTo(ReadModelRebuild.State.DONE);
            assertThat(status.records()).isPositive();
            assertThat(documents(rebuilt)).isEqualTo(live);
        }
    }

    @Test
    void aCoordinatorRebuildsTheLiveReadModelInPlace() {
        deliverShuffledHistories();
        Map<String, Document> live = documents(database);
        String coordinator = TestIssuer.shared().coordinator();

        http.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isAccepted();

        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/v1/reports/rebuild")
                .headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DONE"));
        assertThat(documents(database)).isEqualTo(live);
    }

    private static void deliverShuffledHistories() {
        Instant start = Instant.parse("2024-02-05T02:00:00Z");
        List<AduanEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = start.plus(Duration.ofDays(3L * i));
            History history = History.submitted(ComplaintIds.next(), Channel.values()[i % Channel.values().length],
                    "INFRA.ROAD", i % 2 == 0 ? "32.73.01" : "73.71", at).routedTo("32.73.DPUPR", at.plusSeconds(60));
            if (i % 3 == 0) {
                history.archived(at.plusSeconds(3600), 1);
            } else {
                history.verified(Classification.INFORMATION_REQUEST, at.plusSeconds(3600), 1, Outcome.MET);
                if (i % 4 == 1) {
                    history.routedTo("32.DPUPR", at.plusSeconds(7200));
                }
                if (i % 5 == 2) {
                    history.followUpBreached();
                } else {
                    history.followedUp(at.plus(Duration.ofDays(2)), i % 7, Outcome.MET).completed(at.plus(Duration.ofDays(3)),
                            at.plus(Duration.ofDays(4)));
                }
            }
            events.addAll(history.events());
        }
        Random random = new Random(7);
        List<EventEnvelope<AduanEvent>> delivered = new ArrayList<>(Deliveries.envelopes(events));
        List.copyOf(delivered).stream().filter(envelope -> random.nextBoolean()).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        Deliveries.deliver(delivered);
        ConsumerGroups.awaitCaughtUp("reporting-service", PATIENCE, Topic.values());
    }

    /** Every complaint's document. */
    private static Map<String, Document> documents(MongoDatabase database) {
        return Flux.from(database.getCollection(ComplaintReadModel.COLLECTION).find())
                .collect(Collectors.toMap(document -> document.getString("_id"), document -> document))
                .blockOptional(PATIENCE).orElseThrow();
    }
}
