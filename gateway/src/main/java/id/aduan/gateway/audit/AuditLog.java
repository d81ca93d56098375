package id.aduan.gateway.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's {@code audit} collection, and {@code audit-outcomes} beside it. Append-only by
 * construction: this class only inserts and reads (in production the gateway's database user has no
 * update or remove privilege on them). An entry is stored before its request is forwarded, so its
 * outcome, known only later, is a second insert under the same {@code _id} rather than an update.
 */
@Component
class AuditLog {

    static final String ENTRIES = "audit";
    static final String OUTCOMES = "audit-outcomes";

    private final MongoCollection<Stored> entries;
    private final MongoCollection<Outcome> outcomes;

    AuditLog(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES, Stored.class);
        this.outcomes = database.getCollection(OUTCOMES, Outcome.class);
        // The queries below: newest first, overall or for one actor, agency or complaint.
        for (String field : List.of(Stored.ACTOR, Stored.AGENCY, Stored.COMPLAINT_ID)) {
            Mono.from(entries.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending(Stored.AT)))).subscribe();
        }
        Mono.from(entries.createIndex(Indexes.descending(Stored.AT))).subscribe();
    }

    Mono<Void> append(AuditEntry entry) {
        return Mono.from(entries.insertOne(new Stored(entry.id(), entry.at(), entry.actor(), entry.roles(), entry.agency(),
                        entry.clientAddress(), entry.method(), entry.path(), entry.complaintId(), null)))
                .then();
    }

    /** The status the caller got for the entry's request. */
    Mono<Void> appendOutcome(String entryId, int status, Instant at) {
        return Mono.from(outcomes.insertOne(new Outcome(entryId, status, at))).then();
    }

    /**
     * An entry as stored in {@value #ENTRIES}, its instant a BSON date as before; a null field is absent
     * (it was an explicit null, and no query asks for one). Public, as the driver's record codec requires.
     *
     * @param status set only on entries stored before outcomes were kept apart
     */
    public record Stored(@BsonId String id, @BsonProperty(AT) Instant at, @BsonProperty(ACTOR) String actor, List<String> roles,
            @BsonProperty(AGENCY) String agency, String clientAddress, String method, String path,
            @BsonProperty(COMPLAINT_ID) String complaintId, Integer status) {

        static final String AT = "at";
        static final String ACTOR = "actor";
        static final String AGENCY = "agency";
        static final String COMPLAINT_ID = "complaintId";

        AuditEntry entry(Integer outcome) {
            // Entries stored before outcomes were kept apart carry their status themselves.
            return new AuditEntry(id, at, actor, roles, agency, clientAddress, method, path, complaintId,
                    outcome != null ? outcome : status);
        }
    }

    /** An entry's outcome as stored in {@value #OUTCOMES}, under the entry's id. Public, as the driver's record codec requires. */
    public record Outcome(@BsonId String entryId, int status, Instant at) {
    }

    /** Which entries a query asks for; null fields do not narrow it. */
    record Query(String actor, String agency, String complaintId, Instant from, Instant to) {
    }

    Flux<AuditEntry> find(Query query, int page, int size) {
        return Flux.from(entries.find(filter(query)).sort(Sorts.orderBy(Sorts.descending(Stored.AT), Sorts.descending("_id")))
                        .skip(page * size).limit(size))
                .collectList()
                .flatMapMany(found -> found.isEmpty() ? Flux.empty() : withOutcomes(found));
    }

    /** How many entries the query takes, on every page together. */
    Mono<Long> count(Query query) {
        return Mono.from(entries.countDocuments(filter(query)));
    }

    private static Bson filter(Query query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add(Filters.eq(Stored.ACTOR, query.actor()));
        }
        if (query.agency() != null) {
            conditions.add(Filters.eq(Stored.AGENCY, query.agency()));
        }
        if (query.complaintId() != null) {
            conditions.add(Filters.eq(Stored.COMPLAINT_ID, query.complaintId()));
        }
        if (query.from() != null) {
            conditions.add(Filters.gte(Stored.AT, Date.from(query.from())));
        }
        if (query.to() != null) {
            conditions.add(Filters.lt(Stored.AT, Date.from(query.to())));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    /** The page's outcomes, by their ids in one query. */
    private Flux<AuditEntry> withOutcomes(List<Stored> page) {
        return Flux.from(outcomes.find(Filters.in("_id", page.stream().map(Stored::id).toList())))
                .collectMap(Outcome::entryId, Outcome::status)
                .flatMapIterable(statuses -> page.stream().map(stored -> stored.entry(statuses.get(stored.id()))).toList());
    }
}
