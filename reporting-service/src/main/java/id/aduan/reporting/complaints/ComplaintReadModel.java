package id.aduan.reporting.complaints;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.platform.MongoErrors;
import id.aduan.reference.IndonesianRegions;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The complaints read model: one document per complaint, keyed by its tracking id, holding its facts
 * and the summary the reports read. A change reads the document by {@code _id}, adds the events' facts
 * and replaces it by {@code _id}, merging in whatever a concurrent writer wrote meanwhile. Because
 * facts only accumulate, writers in any number and order end with the same document. Every access of
 * a change is a point operation on {@code _id} (docs/metrics.md, "Hot path").
 *
 * <p>The live collection is {@code complaints} until a rebuild builds another one beside it and
 * switches to it: the pointer document {@code {_id: "complaints", collection}} in {@code read-models}
 * names it, and readers ask {@link #collection()} for each query (docs/metrics.md, "Rebuild").
 */
public class ComplaintReadModel {

    public static final String COLLECTION = "complaints";

    /** Where the pointer to the live collection is kept. */
    static final String POINTERS = "read-models";

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

    private final MongoDatabase database;
    private final MongoCollection<Document> pointers;
    private final IndonesianRegions provinces;
    private final AtomicLong changes = new AtomicLong();
    private volatile MongoCollection<Document> complaints;
    /** The collection a rebuild is building, which live changes go to as well; null when none. */
    private volatile MongoCollection<Document> building;

    public ComplaintReadModel(MongoDatabase database, IndonesianRegions provinces) {
        this.database = database;
        this.pointers = database.getCollection(POINTERS);
        this.complaints = database.getCollection(COLLECTION);
        this.provinces = provinces;
    }

    /** The live collection, which the reports read: ask for it at each query, a rebuild may switch it. */
    public MongoCollection<Document> collection() {
        return complaints;
    }

    /** How many times this instance changed a document: lets readers of the whole model skip work when nothing changed. */
    public long changes() {
        return changes.get();
    }

    /** Follows the pointer to the live collection and creates its indexes: at start-up. */
    public void open() {
        follow().block(Duration.ofSeconds(30));
        Flux.from(complaints.createIndexes(INDEXES)).blockLast(Duration.ofSeconds(30));
    }

    /**
     * Switches to the collection the pointer names, if another instance's rebuild moved it; called
     * at start-up and every few seconds.
     */
    public Mono<Void> follow() {
        return Mono.from(pointers.find(eq("_id", COLLECTION)).first())
                .map(pointer -> pointer.getString("collection"))
                .filter(name -> !name.equals(complaints.getNamespace().getCollectionName()))
                .doOnNext(name -> {
                    complaints = database.getCollection(name);
                    changes.incrementAndGet();
                })
                .then();
    }

    /**
     * Creates an empty collection for a rebuild, with the indexes, and from now on applies every live
     * change to it too, so that it misses nothing this instance consumes until it becomes the live one.
     */
    public Mono<MongoCollection<Document>> startBuilding(String name) {
        MongoCollection<Document> target = database.getCollection(name);
        return Mono.from(target.drop())
                .thenMany(target.createIndexes(INDEXES))
                .then(Mono.fromSupplier(() -> {
                    building = target;
                    return target;
                }));
    }

    /** Stops applying live changes to a rebuild's collection that failed, and drops it. */
    public Mono<Void> abandon(MongoCollection<Document> target) {
        return Mono.fromRunnable(() -> building = null).then(Mono.from(target.drop())).then();
    }

    /**
     * Makes the rebuild's collection the live one: the pointer names it (for every instance), this
     * instance reads it at once. Answers the collection it replaced, to be dropped once no instance
     * writes there any more.
     */
    public Mono<MongoCollection<Document>> switchTo(MongoCollection<Document> target) {
        Document pointer = new Document("_id", COLLECTION)
                .append("collection", target.getNamespace().getCollectionName())
                .append("since", new Date());
        return Mono.from(pointers.replaceOne(eq("_id", COLLECTION), pointer, new ReplaceOptions().upsert(true)))
                .then(Mono.fromSupplier(() -> {
                    MongoCollection<Document> replaced = complaints;
                    complaints = target;
                    building = null;
                    changes.incrementAndGet();
                    return replaced;
                }));
    }

    /**
     * Drops the collections of rebuilds that died before they switched (their instance stopped), all
     * but the live one and {@code keep}: called under the rebuild lock, so none of them is being built.
     */
    public Mono<Void> dropAbandonedRebuilds(MongoCollection<Document> keep) {
        Set<String> kept = Set.of(complaints.getNamespace().getCollectionName(), keep.getNamespace().getCollectionName());
        return Flux.from(database.listCollectionNames())
                .filter(name -> name.startsWith(COLLECTION + "_") && !kept.contains(name))
                .concatMap(name -> database.getCollection(name).drop())
                .then();
    }

    /**
     * Adds the events' facts to the complaint's document: a read by {@code _id}, then, if they add
     * anything, a write by {@code _id} (see {@link #store}).
     */
    public Mono<Applied> apply(String complaintId, List<? extends AduanEvent> events) {
        MongoCollection<Document> rebuilding = building;
        Mono<Applied> live = apply(complaints, complaintId, events);
        return rebuilding == null ? live : live.flatMap(applied -> apply(rebuilding, complaintId, events).thenReturn(applied));
    }

    private Mono<Applied> apply(MongoCollection<Document> complaints, String complaintId, List<? extends AduanEvent> events) {
        return Mono.from(typed(complaints).find(eq("_id", complaintId)).first())
                .map(stored -> ComplaintDocuments.factsOf(complaintId, stored))
                .defaultIfEmpty(ComplaintFacts.none(complaintId))
                .flatMap(before -> {
                    ComplaintFacts after = fold(before, events);
                    if (after.equals(before)) {
                        return Mono.just(new Applied(false, ComplaintSummary.of(after, provinces)));
                    }
                    return store(complaints, after).map(stored -> new Applied(true, ComplaintSummary.of(stored, provinces)));
                });
    }

    /**
     * Applies many complaints' events to {@code complaints} with one bulk insert, for complaints that
     * have no document yet (a rebuild into a new collection). Each complaint whose insert failed
     * because it has a document already is then applied on its own, merging its facts into the stored
     * ones. No read of the inserted ones.
     */
    public Mono<Void> applyAll(MongoCollection<Document> complaints, Map<String, List<AduanEvent>> eventsByComplaint) {
        Map<String, ComplaintDocuments.Stored> inserted = new LinkedHashMap<>();
        eventsByComplaint.forEach((id, events) -> {
            ComplaintFacts facts = fold(ComplaintFacts.none(id), events);
            if (!facts.equals(ComplaintFacts.none(id))) {
                inserted.put(id, ComplaintDocuments.toStored(facts, ComplaintSummary.of(facts, provinces)));
            }
        });
        if (inserted.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = List.copyOf(inserted.keySet());
        List<WriteModel<ComplaintDocuments.Stored>> inserts = inserted.values().stream()
                .<WriteModel<ComplaintDocuments.Stored>>map(InsertOneModel::new).toList();
        return Mono.from(typed(complaints).bulkWrite(inserts, new BulkWriteOptions().ordered(false)))
                .doOnNext(result -> changes.incrementAndGet())
                .then()
                .onErrorResume(e -> e instanceof MongoBulkWriteException bulk
                                && bulk.getWriteErrors().stream()
                                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY),
                        e -> Flux.fromIterable(((MongoBulkWriteException) e).getWriteErrors())
                                .concatMap(error -> {
                                    String id = ids.get(error.getIndex());
                                    return apply(complaints, id, eventsByComplaint.get(id));
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
    private Mono<ComplaintFacts> store(MongoCollection<Document> complaints, ComplaintFacts facts) {
        ComplaintDocuments.Stored document = ComplaintDocuments.toStored(facts, ComplaintSummary.of(facts, provinces));
        return Mono.defer(() -> Mono.from(typed(complaints).findOneAndReplace(eq("_id", facts.complaintId()), document, REPLACE)))
                // Two first writes of one complaint may both insert on real MongoDB: the loser replaces instead.
                .retryWhen(Retry.max(CONFLICT_RETRIES).filter(MongoErrors::isDuplicateKey))
                .doOnSuccess(displaced -> changes.incrementAndGet())
                .map(displaced -> facts.merge(ComplaintDocuments.factsOf(facts.complaintId(), displaced)))
                .flatMap(merged -> merged.equals(facts) ? Mono.just(facts) : store(complaints, merged))
                .defaultIfEmpty(facts);
    }

    /** The same collection, read and written as records; the report queries read it as documents. */
    private static MongoCollection<ComplaintDocuments.Stored> typed(MongoCollection<Document> complaints) {
        return complaints.withDocumentClass(ComplaintDocuments.Stored.class);
    }

    static ComplaintFacts fold(ComplaintFacts facts, Collection<? extends AduanEvent> events) {
        ComplaintFacts result = facts;
        for (AduanEvent event : events) {
            result = result.with(event);
        }
        return result;
    }
}
