package id.aduan.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.History;
import id.aduan.testkit.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Writers racing on the same complaints (two instances during a rebalance, a rebuild beside the
 * live consumer) lose no fact: each event applied by itself, all at once, in any order and some
 * twice, leaves exactly the document the whole history folded at once gives.
 */
class ConcurrentWritersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        String name = "reporting-writers-" + System.nanoTime();
        client = MongoClients.create(Infrastructure.shared().mongoUri(name));
        database = client.getDatabase(name);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void eventsAppliedAtOnceByManyWritersLoseNoFact() {
        List<History> histories = histories(8);
        List<AduanEvent> delivered = new ArrayList<>();
        histories.forEach(history -> delivered.addAll(history.events()));
        Random random = new Random(11);
        List.copyOf(delivered).stream().filter(event -> random.nextInt(4) == 0).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        // Two instances of the read model, as two service instances would have.
        List<ComplaintReadModel> writers = List.of(new ComplaintReadModel(database, IndonesianRegions.shipped()),
                new ComplaintReadModel(database, IndonesianRegions.shipped()));

        Flux.range(0, delivered.size())
                .flatMap(i -> {
                    AduanEvent event = delivered.get(i);
                    String complaintId = ((id.aduan.contracts.ComplaintEvent) event).complaintId();
                    return writers.get(i % 2).apply(complaintId, List.of(event)).subscribeOn(Schedulers.parallel());
                }, 64)
                .blockLast(PATIENCE);

        assertThat(stored()).isEqualTo(expected(histories));
    }

    @Test
    void aRebuildsBulkInsertBesideTheLiveWriterLosesNoFact() {
        List<History> histories = histories(6);
        ComplaintReadModel live = new ComplaintReadModel(database, IndonesianRegions.shipped());
        ComplaintReadModel rebuild = new ComplaintReadModel(database, IndonesianRegions.shipped());
        Map<String, List<AduanEvent>> firstHalves = histories.stream().collect(Collectors.toMap(History::complaintId,
                history -> history.events().subList(0, history.events().size() / 2)));

        Flux<?> liveWrites = Flux.fromIterable(histories)
                .flatMap(history -> Flux.fromIterable(history.events().subList(history.events().size() / 2, history.events().size()))
                        .concatMap(event -> live.apply(history.complaintId(), List.of(event))), 16)
                .subscribeOn(Schedulers.parallel());
        Flux.merge(liveWrites, rebuild.applyAll(rebuild.collection(), firstHalves).subscribeOn(Schedulers.parallel())).blockLast(PATIENCE);

        assertThat(stored()).isEqualTo(expected(histories));
    }

    private Map<String, Document> stored() {
        return Flux.from(database.getCollection(ComplaintReadModel.COLLECTION).find())
                .collectMap(document -> document.getString("_id"), Function.identity())
                .block(PATIENCE);
    }

    private static Map<String, Document> expected(List<History> histories) {
        return histories.stream().collect(Collectors.toMap(History::complaintId, history -> {
            ComplaintFacts facts = ComplaintReadModel.fold(ComplaintFacts.none(history.complaintId()), history.events());
            return StoredForm.document(ComplaintDocuments.toStored(facts, ComplaintSummary.of(facts, IndonesianRegions.shipped())));
        }));
    }

    private static List<History> histories(int count) {
        Instant start = Instant.parse("2025-02-03T02:00:00Z");
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofDays(2L * i));
            History history = History.submitted(ComplaintIds.next(), Channel.values()[i % Channel.values().length],
                    "INFRA.ROAD", i % 2 == 0 ? "32.73.01" : "73.71", at).routedTo("32.73.DPUPR", at.plusSeconds(60))
                    .verified(Classification.INFORMATION_REQUEST, at.plusSeconds(3600), 1, Outcome.MET)
                    .routedTo("32.DPUPR", at.plusSeconds(7200));
            if (i % 2 == 0) {
                history.followUpBreached();
            } else {
                history.followedUp(at.plus(Duration.ofDays(2)), i % 5, Outcome.MET)
                        .completed(at.plus(Duration.ofDays(3)), at.plus(Duration.ofDays(4)));
            }
            histories.add(history);
        }
        return histories;
    }
}
