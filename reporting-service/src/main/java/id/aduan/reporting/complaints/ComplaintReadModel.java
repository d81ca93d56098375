package id.aduan.reporting.complaints;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.platform.MongoErrors;
import id.aduan.reporting.regions.Provinces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The {@code complaints} collection: one document per complaint, keyed by its tracking id, holding
 * its facts and the summary the reports read. A change reads the document, adds the events' facts
 * and writes it back only if nobody wrote it meanwhile (its {@code revision}); otherwise it starts
 * over. Because facts only accumulate, writers in any number and order end with the same document.
 */
public class ComplaintReadModel {

    public static final String COLLECTION = "complaints";

    /**
     * The indexes every report query relies on, on real MongoDB (the stand-in ignores non-unique
     * indexes); docs/metrics.md says which query uses which.
     */
    public static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.ascending("submittedOn")),
            new IndexModel(Indexes.ascending("region.province", "submittedOn")),
            new IndexModel(Indexes.ascending("region.regency", "submittedOn")),
            new IndexModel(Indexes.ascending("region.district", "submittedOn")),
            new IndexModel(Indexes.ascending("agencies.agency", "agencies.submittedOn")),
            new IndexModel(Indexes.ascending("agencies.submittedOn")),
            new IndexModel(Indexes.ascending("overdue.agency", "overdue.dueAt")),
            new IndexModel(Indexes.ascending("overdue.dueAt")));

    /** What applying events did: whether they added any fact, and the complaint's summary after them. */
    public record Applied(boolean changed, ComplaintSummary summary) {
    }

    private static final int CONFLICT_RETRIES = 50;

    private final MongoCollection<Document> complaints;
    private final Provinces provinces;
    private final AtomicLong changes = new AtomicLong();

    public ComplaintReadModel(MongoDatabase database, Provinces provinces) {
        this.complaints = database.getCollection(COLLECTION);
        this.provinces = provinces;
    }

    public MongoCollection<Document> collection() {
        return complaints;
    }

    /** How many times this instance changed a document: lets readers of the whole model skip work when nothing changed. */
    public long changes() {
        return changes.get();
    }

    public void createIndexes() {
        Flux.from(complaints.createIndexes(INDEXES)).blockLast(Duration.ofSeconds(30));
    }

    /** Drops every document and recreates the indexes: the first step of a rebuild. */
    public Mono<Void> drop() {
        return Mono.from(complaints.drop()).thenMany(complaints.createIndexes(INDEXES)).then();
    }

    public Mono<Applied> apply(String complaintId, List<? extends AduanEvent> events) {
        return Mono.defer(() -> Mono.from(complaints.find(eq("_id", complaintId)).first())
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> write(complaintId, stored.orElse(null), events)))
                .retryWhen(Retry.max(CONFLICT_RETRIES).filter(ConcurrentChange.class::isInstance));
    }

    /**
     * Applies many complaints' events with one bulk insert, for complaints that have no document yet
     * (a rebuild into a dropped collection). Should some of them have one already, each complaint whose
     * stored document is not the one this insert wrote is applied on its own, merging its facts into
     * the stored ones. No read of the whole batch: a read of many ids is a collection scan on the stand-in.
     */
    public Mono<Void> applyAll(Map<String, List<AduanEvent>> eventsByComplaint) {
        Map<String, Document> inserted = new LinkedHashMap<>();
        eventsByComplaint.forEach((id, events) -> {
            ComplaintFacts facts = fold(ComplaintFacts.none(id), events);
            if (!facts.equals(ComplaintFacts.none(id))) {
                inserted.put(id, ComplaintDocuments.toDocument(facts, ComplaintSummary.of(facts, provinces), 1));
            }
        });
        if (inserted.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> inserts = inserted.values().stream()
                .<WriteModel<Document>>map(InsertOneModel::new).toList();
        return Mono.from(complaints.bulkWrite(inserts, new BulkWriteOptions().ordered(false)))
                .doOnNext(result -> changes.incrementAndGet())
                .then()
                .onErrorResume(e -> e instanceof MongoBulkWriteException || MongoErrors.isDuplicateKey(e),
                        e -> Flux.fromIterable(inserted.entrySet())
                                .concatMap(complaint -> Mono.from(complaints.find(eq("_id", complaint.getKey())).first())
                                        .filter(stored -> stored.equals(complaint.getValue()))
                                        .hasElement()
                                        .flatMap(ours -> ours ? Mono.<Applied>empty()
                                                : apply(complaint.getKey(), eventsByComplaint.get(complaint.getKey()))))
                                .then());
    }

    private Mono<Applied> write(String complaintId, Document stored, Collection<? extends AduanEvent> events) {
        ComplaintFacts before = ComplaintDocuments.factsOf(complaintId, stored);
        ComplaintFacts after = fold(before, events);
        ComplaintSummary summary = ComplaintSummary.of(after, provinces);
        if (after.equals(before)) {
            return Mono.just(new Applied(false, summary));
        }
        if (stored == null) {
            return Mono.from(complaints.insertOne(ComplaintDocuments.toDocument(after, summary, 1)))
                    .onErrorMap(MongoErrors::isDuplicateKey, e -> new ConcurrentChange())
                    .doOnSuccess(result -> changes.incrementAndGet())
                    .thenReturn(new Applied(true, summary));
        }
        long revision = stored.get(ComplaintDocuments.REVISION, Number.class).longValue();
        Bson unchanged = and(eq("_id", complaintId), eq(ComplaintDocuments.REVISION, revision));
        return Mono.from(complaints.replaceOne(unchanged, ComplaintDocuments.toDocument(after, summary, revision + 1)))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(new Applied(true, summary))
                        : Mono.error(new ConcurrentChange()))
                .doOnNext(applied -> changes.incrementAndGet());
    }

    static ComplaintFacts fold(ComplaintFacts facts, Collection<? extends AduanEvent> events) {
        ComplaintFacts result = facts;
        for (AduanEvent event : events) {
            result = result.with(event);
        }
        return result;
    }

    /** Someone wrote the document between our read and our write: read it again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("the complaint's document changed meanwhile", null, false, false);
        }
    }
}
