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

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> outcomes;

    AuditLog(MongoDatabase database) {
        this.entries = database.getCollection("audit");
        this.outcomes = database.getCollection("audit-outcomes");
        // The queries below: newest first, overall or for one actor, agency or complaint.
        for (String field : List.of("actor", "agency", "complaintId")) {
            Mono.from(entries.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending("at")))).subscribe();
        }
        Mono.from(entries.createIndex(Indexes.descending("at"))).subscribe();
    }

    Mono<Void> append(AuditEntry entry) {
        return Mono.from(entries.insertOne(new Document("_id", entry.id())
                        .append("at", Date.from(entry.at()))
                        .append("actor", entry.actor())
                        .append("roles", entry.roles())
                        .append("agency", entry.agency())
                        .append("clientAddress", entry.clientAddress())
                        .append("method", entry.method())
                        .append("path", entry.path())
                        .append("complaintId", entry.complaintId())))
                .then();
    }

    /** The status the caller got for the entry's request. */
    Mono<Void> appendOutcome(String entryId, int status, Instant at) {
        return Mono.from(outcomes.insertOne(new Document("_id", entryId).append("status", status).append("at", Date.from(at))))
                .then();
    }

    /** Which entries a query asks for; null fields do not narrow it. */
    record Query(String actor, String agency, String complaintId, Instant from, Instant to) {
    }

    Flux<AuditEntry> find(Query query, int page, int size) {
        return Flux.from(entries.find(filter(query)).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")))
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
            conditions.add(Filters.eq("actor", query.actor()));
        }
        if (query.agency() != null) {
            conditions.add(Filters.eq("agency", query.agency()));
        }
        if (query.complaintId() != null) {
            conditions.add(Filters.eq("complaintId", query.complaintId()));
        }
        if (query.from() != null) {
            conditions.add(Filters.gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            conditions.add(Filters.lt("at", Date.from(query.to())));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    /** The page's outcomes, by their ids in one query. */
    private Flux<AuditEntry> withOutcomes(List<Document> page) {
        return Flux.from(outcomes.find(Filters.in("_id", page.stream().map(stored -> stored.getString("_id")).toList())))
                .collectMap(outcome -> outcome.getString("_id"), outcome -> outcome.getInteger("status"))
                .flatMapIterable(statuses -> page.stream().map(stored -> read(stored, statuses.get(stored.getString("_id")))).toList());
    }

    private static AuditEntry read(Document stored, Integer status) {
        return new AuditEntry(stored.getString("_id"), stored.getDate("at").toInstant(), stored.getString("actor"),
                stored.getList("roles", String.class), stored.getString("agency"), stored.getString("clientAddress"),
                stored.getString("method"), stored.getString("path"), stored.getString("complaintId"),
                // Entries stored before outcomes were kept apart carry their status themselves.
                status != null ? status : stored.getInteger("status"));
    }
}
