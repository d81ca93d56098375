package id.aduan.routing.subscription.delivery;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.routing.subscription.feed.AgencyFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing's {@code agency-subscriptions} collection: every agency topic and webhook with its cursor
 * in the agency's feed, its delivery status, and the lease of the instance delivering it.
 *
 * <p>Waking: an append to a feed raises {@code feedHead} and sets {@code pending} on the agency's
 * subscriptions; the dispatcher claims only pending ones, and clears {@code pending} only while
 * {@code feedHead} is not beyond what it delivered, in one conditional update, so an append landing
 * during a delivery is never missed.
 */
@Component
public class Subscriptions {

    static final String COLLECTION = "agency-subscriptions";

    private final MongoCollection<Document> subscriptions;
    private final AgencyFeed feed;
    private final Clock clock;

    Subscriptions(MongoDatabase database, AgencyFeed feed, Clock clock) {
        this.subscriptions = database.getCollection(COLLECTION);
        this.feed = feed;
        this.clock = clock;
        Mono.from(subscriptions.createIndex(Indexes.ascending("agencyCode"))).subscribe();
        Mono.from(subscriptions.createIndex(Indexes.ascending("pending", "nextAttemptAt"))).subscribe();
    }

    /** The id of an agency's topic subscription. */
    public static String topicId(String agencyCode) {
        return "topic/" + agencyCode;
    }

    /** Creates the agency's topic subscription, from the start of its feed, unless it exists. */
    public Mono<Void> ensureTopic(String agencyCode) {
        Document initial = initial(Subscription.Kind.TOPIC, agencyCode, 0)
                .append("pending", true);
        return Mono.from(subscriptions.updateOne(Filters.eq("_id", topicId(agencyCode)),
                        Updates.combine(initial.entrySet().stream().map(field -> Updates.setOnInsert(field.getKey(), field.getValue())).toList()),
                        new UpdateOptions().upsert(true)))
                .then();
    }

    /**
     * Registers a webhook that receives what is appended to the agency's feed from now on. The feed
     * is read again after the insert: an entry appended in between would otherwise wake nobody.
     */
    public Mono<Subscription> registerWebhook(String agencyCode, String url, String secret, String createdBy) {
        String id = UUID.randomUUID().toString();
        return feed.head(agencyCode)
                .flatMap(head -> Mono.from(subscriptions.insertOne(initial(Subscription.Kind.WEBHOOK, agencyCode, head)
                                .append("_id", id).append("url", url).append("secret", secret).append("createdBy", createdBy)))
                        .then(feed.head(agencyCode))
                        .flatMap(now -> now > head ? wake(agencyCode, now) : Mono.empty()))
                .then(Mono.defer(() -> find(agencyCode, id)));
    }

    private Document initial(Subscription.Kind kind, String agencyCode, long head) {
        Date now = Date.from(clock.instant());
        return new Document("kind", kind.name())
                .append("agencyCode", agencyCode)
                .append("createdAt", now)
                .append("deliveredUpTo", head)
                .append("feedHead", head)
                .append("pending", false)
                .append("nextAttemptAt", now)
                .append("failuresInARow", 0);
    }

    /** Tells the agency's subscriptions that its feed now reaches this number. */
    public Mono<Void> wake(String agencyCode, long head) {
        return Mono.from(subscriptions.updateMany(Filters.eq("agencyCode", agencyCode),
                Updates.combine(Updates.max("feedHead", head), Updates.set("pending", true)))).then();
    }

    public Flux<Subscription> of(String agencyCode, Subscription.Kind kind) {
        return Flux.from(subscriptions.find(Filters.and(Filters.eq("agencyCode", agencyCode), Filters.eq("kind", kind.name())))
                        .sort(Sorts.ascending("createdAt")))
                .map(Subscriptions::read);
    }

    public Mono<Subscription> find(String agencyCode, String id) {
        return Mono.from(subscriptions.find(Filters.and(Filters.eq("_id", id), Filters.eq("agencyCode", agencyCode))).first())
                .map(Subscriptions::read);
    }

    /** Removes one of the agency's subscriptions of this kind; false when it has none with this id. */
    public Mono<Boolean> remove(String agencyCode, Subscription.Kind kind, String id) {
        return Mono.from(subscriptions.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("agencyCode", agencyCode),
                        Filters.eq("kind", kind.name()))))
                .map(result -> result.getDeletedCount() > 0);
    }

    public Mono<Long> count(String agencyCode, Subscription.Kind kind) {
        return Mono.from(subscriptions.countDocuments(Filters.and(Filters.eq("agencyCode", agencyCode), Filters.eq("kind", kind.name()))));
    }

    /** A subscription one instance holds for a while; every update it makes checks it still holds it. */
    record Claim(Subscription subscription, String token, Instant claimedAt) {
    }

    /** Takes the longest-waiting subscription with something to deliver that is due and not held. */
    Mono<Claim> claim(Duration lease) {
        Instant now = clock.instant();
        Date at = Date.from(now);
        String token = UUID.randomUUID().toString();
        return Mono.from(subscriptions.findOneAndUpdate(
                        Filters.and(Filters.eq("pending", true), Filters.lte("nextAttemptAt", at),
                                Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", at))),
                        Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("leaseToken", token)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER)))
                .map(claimed -> new Claim(read(claimed), token, now));
    }

    /**
     * Records an attempt made from {@code from} with {@code failuresBefore} failures in a row
     * behind it; false when the claim was lost meanwhile (and nothing was recorded).
     */
    Mono<Boolean> record(Claim claim, long from, int failuresBefore, Attempt attempt, Backoff backoff) {
        Instant now = clock.instant();
        boolean progressed = attempt.deliveredUpTo() > from;
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("deliveredUpTo", attempt.deliveredUpTo()),
                Updates.set("lastAttemptAt", Date.from(now)),
                Updates.set("lastStatus", attempt.lastStatus()),
                Updates.set("lastError", attempt.error())));
        if (progressed) {
            updates.add(Updates.set("lastSuccessAt", Date.from(now)));
        }
        int failures = attempt.failed() ? (progressed ? 1 : failuresBefore + 1) : 0;
        updates.add(Updates.set("failuresInARow", failures));
        updates.add(Updates.set("nextAttemptAt", Date.from(now.plus(backoff.after(failures)))));
        return Mono.from(subscriptions.updateOne(held(claim), Updates.combine(updates)))
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Marks the subscription as having nothing to deliver, unless the feed went beyond {@code deliveredUpTo}. */
    Mono<Boolean> settle(Claim claim, long deliveredUpTo) {
        return Mono.from(subscriptions.updateOne(Filters.and(held(claim), Filters.lte("feedHead", deliveredUpTo)),
                        Updates.set("pending", false)))
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Leaves the subscription alone until then. */
    Mono<Void> postpone(Claim claim, Instant until) {
        return Mono.from(subscriptions.updateOne(held(claim), Updates.max("nextAttemptAt", Date.from(until)))).then();
    }

    Mono<Void> release(Claim claim) {
        return Mono.from(subscriptions.updateOne(held(claim), Updates.combine(Updates.unset("leaseUntil"), Updates.unset("leaseToken"))))
                .then();
    }

    private static Bson held(Claim claim) {
        return Filters.and(Filters.eq("_id", claim.subscription().id()), Filters.eq("leaseToken", claim.token()));
    }

    private static Subscription read(Document stored) {
        return new Subscription(stored.getString("_id"), Subscription.Kind.valueOf(stored.getString("kind")),
                stored.getString("agencyCode"), stored.getString("url"), stored.getString("secret"),
                instant(stored, "createdAt"), stored.getLong("deliveredUpTo"), stored.getLong("feedHead"),
                new Subscription.Status(instant(stored, "lastAttemptAt"), stored.getInteger("lastStatus"),
                        stored.getString("lastError"), instant(stored, "lastSuccessAt"), instant(stored, "nextAttemptAt"),
                        stored.getInteger("failuresInARow", 0)));
    }

    private static Instant instant(Document stored, String field) {
        Date date = stored.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
