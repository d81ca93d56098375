package id.aduan.routing.subscription.delivery;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoErrors;
import id.aduan.routing.subscription.feed.AgencyFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * subscriptions, each by its id (the topic's is derived from the agency, the webhooks' are listed
 * per agency in {@code agency-webhooks}), so an append costs point writes only. The dispatcher
 * claims only pending ones, and clears {@code pending} then sets it again if {@code feedHead} had
 * gone beyond what it delivered, so an append landing during a delivery is never missed. A claim's
 * token is unique (indexed), so every update under a claim is a point write on it.
 */
@Component
public class Subscriptions {

    static final String COLLECTION = "agency-subscriptions";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> webhookLists;
    private final MongoCollection<Document> migrations;
    private final AgencyFeed feed;
    private final Clock clock;

    Subscriptions(MongoDatabase database, AgencyFeed feed, Clock clock) {
        this.subscriptions = database.getCollection(COLLECTION);
        this.webhookLists = database.getCollection("agency-webhooks");
        this.migrations = database.getCollection("migrations");
        this.feed = feed;
        this.clock = clock;
        Duration timeout = Duration.ofSeconds(30);
        // Sparse: only a held subscription has a token.
        Mono.from(subscriptions.createIndex(Indexes.ascending("leaseToken"), new IndexOptions().unique(true).sparse(true)))
                .block(timeout);
        Mono.from(subscriptions.createIndex(Indexes.ascending("agencyCode"))).subscribe();
        Mono.from(subscriptions.createIndex(Indexes.ascending("pending", "nextAttemptAt"))).subscribe();
        listWebhooksOfEarlierVersions().block(timeout);
    }

    /** Lists the webhooks registered before they were listed per agency: once per database, never per event. */
    private Mono<Void> listWebhooksOfEarlierVersions() {
        Document done = new Document("_id", "agency-webhooks-listed");
        return Mono.from(migrations.find(done).first())
                .switchIfEmpty(Flux.from(subscriptions.find(Filters.eq("kind", Subscription.Kind.WEBHOOK.name())))
                        .concatMap(webhook -> list(webhook.getString("agencyCode"), webhook.getString("_id")))
                        .then(Mono.from(migrations.insertOne(done.append("at", Date.from(clock.instant())))))
                        .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                        .then(Mono.empty()))
                .then();
    }

    private Mono<Void> list(String agencyCode, String webhookId) {
        return Mono.from(webhookLists.updateOne(Filters.eq("_id", agencyCode), Updates.addToSet("ids", webhookId),
                new UpdateOptions().upsert(true))).then();
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
        // Listed first: a listed id with no subscription behind it is skipped, a subscription never listed would never wake.
        return list(agencyCode, id)
                .then(feed.head(agencyCode))
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
        Bson woken = Updates.combine(Updates.max("feedHead", head), Updates.set("pending", true));
        return Mono.from(webhookLists.find(Filters.eq("_id", agencyCode)).first())
                .map(listed -> listed.getList("ids", String.class, List.of()))
                .defaultIfEmpty(List.of())
                .flatMapMany(webhooks -> Flux.concat(Flux.just(topicId(agencyCode)), Flux.fromIterable(webhooks)))
                .concatMap(id -> Mono.from(subscriptions.updateOne(Filters.eq("_id", id), woken)))
                .then();
    }

    /** By id: the topic's from the agency's code, the webhooks' from the agency's list. */
    public Flux<Subscription> of(String agencyCode, Subscription.Kind kind) {
        Mono<List<String>> ids = kind == Subscription.Kind.TOPIC ? Mono.just(List.of(topicId(agencyCode)))
                : Mono.from(webhookLists.find(Filters.eq("_id", agencyCode)).first())
                        .map(listed -> listed.getList("ids", String.class, List.of()))
                        .defaultIfEmpty(List.of());
        return ids.flatMapMany(listed -> listed.isEmpty() ? Flux.empty() : Flux.from(subscriptions.find(Filters.in("_id", listed))))
                .map(Subscriptions::read)
                .filter(subscription -> subscription.agencyCode().equals(agencyCode) && subscription.kind() == kind)
                .sort(Comparator.comparing(Subscription::createdAt));
    }

    public Mono<Subscription> find(String agencyCode, String id) {
        return Mono.from(subscriptions.find(Filters.eq("_id", id)).first())
                .map(Subscriptions::read)
                .filter(subscription -> subscription.agencyCode().equals(agencyCode));
    }

    /** Removes one of the agency's subscriptions of this kind; false when it has none with this id. */
    public Mono<Boolean> remove(String agencyCode, Subscription.Kind kind, String id) {
        return find(agencyCode, id)
                .filter(subscription -> subscription.kind() == kind)
                .flatMap(subscription -> Mono.from(subscriptions.deleteOne(Filters.eq("_id", id))))
                .map(result -> result.getDeletedCount() > 0)
                .defaultIfEmpty(false)
                .flatMap(removed -> Mono.from(webhookLists.updateOne(Filters.eq("_id", agencyCode), Updates.pull("ids", id)))
                        .thenReturn(removed));
    }

    public Mono<Long> count(String agencyCode, Subscription.Kind kind) {
        return of(agencyCode, kind).count();
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
        // Cleared, then set again if an append had gone beyond: a wake after the clearing sets it by itself.
        return Mono.from(subscriptions.findOneAndUpdate(held(claim), Updates.set("pending", false),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .flatMap(cleared -> cleared.getLong("feedHead") <= deliveredUpTo ? Mono.just(true)
                        : Mono.from(subscriptions.updateOne(held(claim), Updates.set("pending", true))).thenReturn(false))
                .defaultIfEmpty(false);
    }

    /** Leaves the subscription alone until then. */
    Mono<Void> postpone(Claim claim, Instant until) {
        return Mono.from(subscriptions.updateOne(held(claim), Updates.max("nextAttemptAt", Date.from(until)))).then();
    }

    Mono<Void> release(Claim claim) {
        return Mono.from(subscriptions.updateOne(held(claim), Updates.combine(Updates.unset("leaseUntil"), Updates.unset("leaseToken"))))
                .then();
    }

    /** The claim's token is unique to it: matching it alone is matching the subscription while still held. */
    private static Bson held(Claim claim) {
        return Filters.eq("leaseToken", claim.token());
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
