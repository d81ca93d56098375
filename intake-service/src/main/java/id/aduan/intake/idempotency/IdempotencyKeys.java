package id.aduan.intake.idempotency;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which complaint each idempotency key created, in intake's MongoDB so it holds across restarts
 * and instances. The key is the document's {@code _id}, whose unique index decides a race: of two
 * identical requests at once exactly one insert succeeds, and the other reads the winner's claim.
 */
@Component
public class IdempotencyKeys {

    private final MongoCollection<Document> claims;
    private final Clock clock;

    IdempotencyKeys(MongoDatabase database, Clock clock) {
        this.claims = database.getCollection("idempotency-keys");
        this.clock = clock;
    }

    /** The complaint this key already created, if any. */
    public Mono<Claim> find(IdempotencyKey key) {
        return Mono.from(claims.find(Filters.eq("_id", key.id())).first()).map(Claim::of);
    }

    /**
     * Claims the key for this complaint; when another request claimed it first, returns that claim
     * instead, so a caller compares the complaint id to know whether it won.
     */
    public Mono<Claim> claim(IdempotencyKey key, String complaintId, Instant submittedAt) {
        // The time as text: a Date keeps milliseconds only, and a repeated answer must match the first exactly.
        Document claim = new Document("_id", key.id())
                .append("complaintId", complaintId)
                .append("submittedAt", submittedAt.toString())
                .append("claimedAt", Date.from(clock.instant()));
        return Mono.from(claims.insertOne(claim))
                .thenReturn(Claim.of(claim))
                .onErrorResume(MongoErrors::isDuplicateKey, duplicate -> find(key));
    }

    /** Frees a key whose complaint was refused, so that a corrected request may use it. */
    public Mono<Void> release(IdempotencyKey key, String complaintId) {
        return Mono.from(claims.deleteOne(Filters.and(Filters.eq("_id", key.id()), Filters.eq("complaintId", complaintId))))
                .then();
    }

    public record Claim(String complaintId, Instant submittedAt) {

        static Claim of(Document document) {
            return new Claim(document.getString("complaintId"), Instant.parse(document.getString("submittedAt")));
        }
    }
}
