package id.aduan.reporting;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.Topic;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.rebuild.ReadModelRebuild;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.provider.mongo.reactivestreams.ReactiveStreamsMongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A read model dropped and rebuilt by replaying the topics from the start is the one the live
 * consumer built event by event, shuffled and redelivered as the events came.
 */
@AduanServiceTest
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PERIOD = "?from=2024-01-01&to=2024-12-31&interval=month";
    private static final String NATIONAL = "/api/v1/reports/national" + PERIOD;

    @Autowired
    WebTestClient http;

    @Autowired
    ComplaintReadModel liveModel;

    @Test
    void aRebuildFromTheTopicsEqualsTheReadModelBuiltEventByEvent() {
        deliverShuffledHistories();
        Map<String, Document> live = documents(liveModel.collection());

        String rebuiltName = "reporting-rebuild-it";
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri(rebuiltName))) {
            MongoDatabase rebuilt = client.getDatabase(rebuiltName);
            ComplaintReadModel readModel = new ComplaintReadModel(rebuilt, IndonesianRegions.shipped());
            ReadModelRebuild rebuild = new ReadModelRebuild(readModel, new ReactiveStreamsMongoLockProvider(rebuilt), Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()), 97,
                    Duration.ZERO);

            ReadModelRebuild.Status status = rebuild.run();

            assertThat(status.state()).isEqualTo(ReadModelRebuild.State.DONE);
            assertThat(status.records()).isPositive();
            assertThat(documents(readModel.collection())).isEqualTo(live);
        }
    }

    @Test
    void oneRebuildAtATimeAcrossInstancesAndOneThatDiedLeavesNoCollectionBehind() {
        deliverShuffledHistories();
        String name = "reporting-rebuild-claim-it";
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri(name))) {
            MongoDatabase database = client.getDatabase(name);
            String abandoned = ComplaintReadModel.COLLECTION + "_20000101T000000000Z";
            Mono.from(database.getCollection(abandoned).insertOne(new Document("_id", "half-built"))).block(PATIENCE);
            Map<String, Object> kafka = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
            ReadModelRebuild first = new ReadModelRebuild(new ComplaintReadModel(database, IndonesianRegions.shipped()),
                    new ReactiveStreamsMongoLockProvider(database), kafka, 97,
                    Duration.ofSeconds(3));
            ReadModelRebuild onAnotherInstance = new ReadModelRebuild(new ComplaintReadModel(database, IndonesianRegions.shipped()),
                    new ReactiveStreamsMongoLockProvider(database), kafka, 97, Duration.ZERO);

            assertThat(first.start()).isTrue();
            assertThat(first.start()).isFalse();
            assertThat(onAnotherInstance.start()).isFalse();
            assertThat(onAnotherInstance.status().state()).isEqualTo(ReadModelRebuild.State.IDLE);

            await().atMost(PATIENCE).until(() -> first.status().state() == ReadModelRebuild.State.DONE);
            assertThat(Flux.from(database.listCollectionNames()).collectList().block(PATIENCE))
                    .contains(ComplaintReadModel.COLLECTION + "_" + first.status().id())
                    .doesNotContain(abandoned);
            assertThat(onAnotherInstance.run().state()).isEqualTo(ReadModelRebuild.State.DONE);
        }
    }

    @Test
    void aCoordinatorRebuildsTheLiveReadModelInPlace() {
        deliverShuffledHistories();
        Map<String, Document> live = documents(liveModel.collection());
        String coordinator = TestIssuer.shared().coordinator();

        http.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isAccepted();

        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/v1/reports/rebuild")
                .headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DONE"));
        assertThat(documents(liveModel.collection())).isEqualTo(live);
    }

    @Test
    void reportsKeepEveryFigureWhileTheReadModelIsRebuiltBesideThem() {
        String agency = History.newAgencyCode();
        deliverShuffledHistories(agency);
        String coordinator = TestIssuer.shared().coordinator();
        JsonNode agencyBefore = report("/api/v1/reports/agencies/" + agency + PERIOD, coordinator);
        long nationalBefore = report(NATIONAL, coordinator).get("received").asLong();
        assertThat(agencyBefore.get("routedIn").asLong()).isEqualTo(12);

        http.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isAccepted();
        // A second request while it runs is refused and changes nothing.
        http.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBearerAuth(coordinator)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A complaint arriving during the rebuild reaches the rebuilt model too.
        String lateAgency = History.newAgencyCode();
        Instant now = Instant.parse("2024-06-03T02:00:00Z");
        Deliveries.deliver(Deliveries.envelopes(
                History.submitted(ComplaintIds.next(), Channel.WEB, "INFRA.ROAD", "32.73.01", now).routedTo(lateAgency, now).events()));

        Set<ReadModelRebuild.Phase> phasesSeen = EnumSet.noneOf(ReadModelRebuild.Phase.class);
        JsonNode status;
        do {
            assertThat(report("/api/v1/reports/agencies/" + agency + PERIOD, coordinator)).isEqualTo(agencyBefore);
            assertThat(report(NATIONAL, coordinator).get("received").asLong()).isGreaterThanOrEqualTo(nationalBefore);
            status = report("/api/v1/reports/rebuild", coordinator);
            phasesSeen.add(ReadModelRebuild.Phase.valueOf(status.get("phase").asText()));
        } while (status.get("state").asText().equals("RUNNING"));

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("records").asLong()).isPositive().isEqualTo(status.get("recordsToRead").asLong());
        assertThat(phasesSeen).contains(ReadModelRebuild.Phase.SWITCHED);
        assertThat(liveModel.collection().getNamespace().getCollectionName()).isEqualTo("complaints_" + status.get("id").asText());
        assertThat(report("/api/v1/reports/agencies/" + agency + PERIOD, coordinator)).isEqualTo(agencyBefore);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                report("/api/v1/reports/agencies/" + lateAgency + PERIOD, coordinator).get("routedIn").asLong()).isEqualTo(1));
    }

    private JsonNode report(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static void deliverShuffledHistories() {
        deliverShuffledHistories("32.73.DPUPR");
    }

    private static void deliverShuffledHistories(String agency) {
        Instant start = Instant.parse("2024-02-05T02:00:00Z");
        List<AduanEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = start.plus(Duration.ofDays(3L * i));
            History history = History.submitted(ComplaintIds.next(), Channel.values()[i % Channel.values().length],
                    "INFRA.ROAD", i % 2 == 0 ? "32.73.01" : "73.71", at).routedTo(agency, at.plusSeconds(60));
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
    private static Map<String, Document> documents(MongoCollection<Document> complaints) {
        return Flux.from(complaints.find())
                .collect(Collectors.toMap(document -> document.getString("_id"), document -> document))
                .blockOptional(PATIENCE).orElseThrow();
    }
}
