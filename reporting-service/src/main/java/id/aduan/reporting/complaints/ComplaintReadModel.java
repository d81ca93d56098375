package id.aduan.reporting.complaints;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.platform.MongoErrors;
import id.aduan.reporting.regions.Provinces;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The {@code complaints} collection: one document per complaint, keyed by its tracking id, holding
 * its facts and the summary the reports read. A change reads the document by {@code _id}, adds the
 * events' facts and replaces it by {@code _id}, merging in whatever a concurrent writer wrote
 * meanwhile. Because facts only accumulate, writers in any number and order end with the same
 * document. Every access of a change is a point operation on {@code _id} (docs/metrics.md, "Hot path").
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

    private static final FindOneAndReplaceOptions REPLACE =
            new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);

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

    /**
     * Adds the events' facts to the complaint's document: a read by {@code _id}, then, if they add
     * anything, a write by {@code _id} (see {@link #store}).
     */
    public Mono<Applied> apply(String complaintId, List<? extends AduanEvent> events) {
        return Mono.from(complaints.find(eq("_id", complaintId)).first())
                .map(stored -> ComplaintDocuments.factsOf(complaintId, stored))
                .defaultIfEmpty(ComplaintFacts.none(complaintId))
                .flatMap(before -> {
                    ComplaintFacts after = fold(before, events);
                    if (after.equals(before)) {
                        return Mono.just(new Applied(false, ComplaintSummary.of(after, provinces)));
                    }
                    return store(after).map(stored -> new Applied(true, ComplaintSummary.of(stored, provinces)));
                });
    }

    /**
     * Applies many complaints' events with one bulk insert, for complaints that have no document yet
     * (a rebuild into a dropped collection). Each complaint whose insert failed because it has a
     * document already is then applied on its own, merging its facts into the stored ones. No read
     * of the inserted ones.
     */
    public Mono<Void> applyAll(Map<String, List<AduanEvent>> eventsByComplaint) {
        Map<String, Document> inserted = new LinkedHashMap<>();
        eventsByComplaint.forEach((id, events) -> {
            ComplaintFacts facts = fold(ComplaintFacts.none(id), events);
            if (!facts.equals(ComplaintFacts.none(id))) {
                inserted.put(id, ComplaintDocuments.toDocument(facts, ComplaintSummary.of(facts, provinces)));
            }
        });
        if (inserted.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = List.copyOf(inserted.keySet());
        List<WriteModel<Document>> inserts = inserted.values().stream()
                .<WriteModel<Document>>map(InsertOneModel::new).toList();
        return Mono.from(complaints.bulkWrite(inserts, new BulkWriteOptions().ordered(false)))
                .doOnNext(result -> changes.incrementAndGet())
                .then()
                .onErrorResume(e -> e instanceof MongoBulkWriteException bulk
                                && bulk.getWriteErrors().stream()
                                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY),
                        e -> Flux.fromIterable(((MongoBulkWriteException) e).getWriteErrors())
                                .concatMap(error -> {
                                    String id = ids.get(error.getIndex());
                                    return apply(id, eventsByComplaint.get(id));
                                })
                                .then());
    }

    /**
     * Replaces (or inserts) the complaint's document by {@code _id} alone and gets back the one it
     * displaced, in the same atomic step. If that one held facts these lack, a concurrent writer put
     * them there between our read and this write: the union of both is written again, until a write
     * displaces nothing new. So no writer's fact is lost, and the document and its summary always
     * come from one set of facts, without a filter on anything but {@code _id}, which a
     * revision-checked replace ({@code {_id, revision}}) would need. Answers the facts finally written.
     */
    private Mono<ComplaintFacts> store(ComplaintFacts facts) {
        Document document = ComplaintDocuments.toDocument(facts, ComplaintSummary.of(facts, provinces));
        return Mono.defer(() -> Mono.from(complaints.findOneAndReplace(eq("_id", facts.complaintId()), document, REPLACE)))
                // Two first writes of one complaint may both insert on real MongoDB: the loser replaces instead.
                .retryWhen(Retry.max(CONFLICT_RETRIES).filter(MongoErrors::isDuplicateKey))
                .doOnSuccess(displaced -> changes.incrementAndGet())
                .map(displaced -> facts.merge(ComplaintDocuments.factsOf(facts.complaintId(), displaced)))
                .flatMap(merged -> merged.equals(facts) ? Mono.just(facts) : store(merged))
                .defaultIfEmpty(facts);
    }

    static ComplaintFacts fold(ComplaintFacts facts, Collection<? extends AduanEvent> events) {
        ComplaintFacts result = facts;
        for (AduanEvent event : events) {
            result = result.with(event);
        }
        return result;
    }
}
