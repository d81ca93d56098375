package id.aduan.intake.attachments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes uploads attached to no complaint for longer than {@code aduan.attachments.orphans-kept-for}
 * (docs/channels.md, "Attachments"): their description first, by a delete on its {@code _id} that
 * holds only while the upload is still unattached (so an upload attached meanwhile stays), then
 * their bytes. Several instances may sweep at once: each upload is deleted once.
 */
class OrphanUploads {

    private static final Logger log = LoggerFactory.getLogger(OrphanUploads.class);
    /** Uploads per query, so one run never holds a large answer. */
    private static final int BATCH = 500;

    /** Only unattached uploads are in it (sparse), so the sweep never walks attached ones. */
    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.ascending(Attachments.UNATTACHED_SINCE), new IndexOptions().sparse(true)));

    private final MongoCollection<Document> described;
    private final AttachmentStore store;
    private final Clock clock;
    private final Duration keptFor;

    OrphanUploads(MongoDatabase database, AttachmentStore store, Clock clock, Duration keptFor) {
        this.described = database.getCollection(Attachments.COLLECTION);
        this.store = store;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    Mono<Void> createIndexes() {
        return Flux.from(described.createIndexes(INDEXES)).then();
    }

    /** One run: every upload unattached for longer than the time kept, batch after batch. */
    void sweep() {
        Date cutoff = Date.from(clock.instant().minus(keptFor));
        long deleted = 0;
        long found;
        do {
            List<Long> batch = Flux.from(described.find(Filters.lt(Attachments.UNATTACHED_SINCE, cutoff))
                            .projection(Projections.include("_id")).limit(BATCH))
                    .concatMap(orphan -> delete(orphan.getString("_id"), cutoff))
                    .collectList().block(Duration.ofMinutes(5));
            found = batch.size();
            deleted += batch.stream().mapToLong(Long::longValue).sum();
        } while (found == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} uploads attached to no complaint since before {}", deleted, cutoff.toInstant());
        }
    }

    /** 1 when this run deleted it, 0 when it was attached or deleted by another run meanwhile. */
    private Mono<Long> delete(String attachmentId, Date cutoff) {
        return Mono.from(described.deleteOne(Filters.and(Filters.eq("_id", attachmentId),
                        Filters.lt(Attachments.UNATTACHED_SINCE, cutoff))))
                .flatMap(result -> result.getDeletedCount() == 0 ? Mono.just(0L)
                        : store.delete(attachmentId).thenReturn(1L));
    }
}
