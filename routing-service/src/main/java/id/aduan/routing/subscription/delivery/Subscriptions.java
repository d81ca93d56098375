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
 * per agency in {@code agency-webhooks}), and puts each in {@code agency-subscriptions-due}, so an
 * append costs point writes only. The dispatcher claims from that small collection alone (one entry
 * per subscription with something to deliver, deleted once it has delivered everything), and copies
 * the claim's token onto the subscription. Settling deletes the entry first, then clears
 * {@code pending}, and puts both back if {@code feedHead} had gone beyond what it delivered, so an
 * append landing during a delivery is never missed. A claim's token is unique (indexed) in both
 * collections, so every update under a claim is a point write on it.
 */
@Component
public class Subscriptions {

    static final String COLLECTION = "agency-subscriptions";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> webhookLists;
    private final MongoCollection<Document> due;
    private final MongoCollection<Document> migrations;
    private final AgencyFeed feed;
    private final Clock clock;

    Subscriptions(MongoDatabase database, AgencyFeed feed, Clock clock) {
        this.subscriptions = database.getCollection(COLLECTION);
        this.webhookLists = database.getCollection("agency-webhooks");
        this.due = database.getCollection("agency-subscriptions-due");
        this.migrations = database.getCollection("migrations");
        this.feed = feed;
        this.clock = clock;
        Duration timeout = Duration.ofSeconds(30);
        // Sparse: only a held subscription has a token.
        for (MongoCollection<Document> leased : List.of(subscriptions, due)) {
            Mono.from(leased.createIndex(Indexes.ascending("leaseToken"), new IndexOptions().unique(true).sparse(true)))
                    .block(timeout);
        }
        // Real MongoDB uses it; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(due.createIndex(Indexes.ascending("nextAttemptAt"))).subscribe();
        indexEarlierVersions().block(timeout);
    }

    /**
     * Lists the webhooks registered before they were listed per agency, and puts the pending
     * subscriptions in the due collection: one pass, once per database, never per event.
     */
    private Mono<Void> indexEarlierVersions() {
        Document done = new Document("_id", "agency-subscriptions-indexed");
        return Mono.from(migrations.find(done).first())
                .switchIfEmpty(Flux.from(subscriptions.find())
                        .concatMap(stored -> (Subscription.Kind.WEBHOOK.name().equals(stored.getString("kind"))
                                ? list(stored.getString("agencyCode"), stored.getString("_id")) : Mono.<Void>empty())
                                .then(stored.getBoolean("pending", false) ? markDue(stored.getString("_id")) : Mono.empty()))
                        .then(Mono.from(migrations.insertOne(done.append("at", Date.from(clock.instant())))))
                        .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                        .then(Mono.empty()))
                .then();
    }

    private Mono<Void> list(String agencyCode, String webhookId) {
        return Mono.from(webhookLists.updateOne(Filters.eq("_id", agencyCode), Updates.addToSet("ids", webhookId),
                new UpdateOptions().upsert(true))).then();
    }

    /** Puts the subscription in the due collection unless it is there; one already there keeps its time and lease. */
    private Mono<Void> markDue(String id) {
        return Mono.from(due.updateOne(Filters.eq("_id", id), Updates.setOnInsert("nextAttemptAt", Date.from(clock.instant())),
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
                .then(markDue(topicId(agencyCode)));
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
                .concatMap(id -> Mono.from(subscriptions.updateOne(Filters.eq("_id", id), woken)).then(markDue(id)))
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

    /**
     * Takes the longest-waiting subscription with something to deliver that is due and not held. The
     * lease is taken atomically in the due collection; an instance whose lease ran out meanwhile
     * finds its token replaced on the subscription, and stops.
     */
    Mono<Claim> claim(Duration lease) {
        Instant now = clock.instant();
        Date at = Date.from(now);
        String token = UUID.randomUUID().toString();
        Bson leased = Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("leaseToken", token));
        return Mono.from(due.findOneAndUpdate(
                        Filters.and(Filters.lte("nextAttemptAt", at), Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", at))),
                        leased, new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER)))
                .flatMap(claimed -> Mono.from(subscriptions.findOneAndUpdate(Filters.eq("_id", claimed.getString("_id")), leased,
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                        // A webhook removed meanwhile: nothing to deliver to.
                        .switchIfEmpty(Mono.from(due.deleteOne(Filters.eq("leaseToken", token))).then(Mono.empty())))
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
        Bson next = Updates.set("nextAttemptAt", Date.from(now.plus(backoff.after(failures))));
        updates.add(next);
        return Mono.from(subscriptions.updateOne(held(claim), Updates.combine(updates)))
                .flatMap(result -> Mono.from(due.updateOne(held(claim), next)).thenReturn(result.getMatchedCount() > 0));
    }

    /** Marks the subscription as having nothing to deliver, unless the feed went beyond {@code deliveredUpTo}. */
    Mono<Boolean> settle(Claim claim, long deliveredUpTo) {
        // Cleared, then set again if an append had gone beyond: a wake after the clearing sets both by itself.
        return Mono.from(due.deleteOne(held(claim)))
                .then(Mono.from(subscriptions.findOneAndUpdate(held(claim), Updates.set("pending", false),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .flatMap(cleared -> cleared.getLong("feedHead") <= deliveredUpTo ? Mono.just(true)
                        : Mono.from(subscriptions.updateOne(held(claim), Updates.set("pending", true)))
                                // Back in the due collection still held, so that the caller's postpone and release apply to it.
                                .then(Mono.from(due.updateOne(Filters.eq("_id", claim.subscription().id()), Updates.combine(
                                        Updates.setOnInsert("nextAttemptAt", Date.from(clock.instant())),
                                        Updates.setOnInsert("leaseToken", claim.token()),
                                        Updates.setOnInsert("leaseUntil", cleared.getDate("leaseUntil"))), new UpdateOptions().upsert(true))))
                                .thenReturn(false))
                .defaultIfEmpty(false);
    }

    /** Extends the claim's lease to {@code until}; false when the claim was lost (or its webhook removed) meanwhile. */
    Mono<Boolean> renew(Claim claim, Instant until) {
        Bson extended = Updates.set("leaseUntil", Date.from(until));
        // The due entry first: it is what other instances claim from.
        return Mono.from(due.updateOne(held(claim), extended))
                .flatMap(inDue -> Mono.from(subscriptions.updateOne(held(claim), extended))
                        .map(inSubscription -> inDue.getMatchedCount() > 0 && inSubscription.getMatchedCount() > 0));
    }

    /** Leaves the subscription alone until then. */
    Mono<Void> postpone(Claim claim, Instant until) {
        Bson later = Updates.max("nextAttemptAt", Date.from(until));
        return Mono.from(subscriptions.updateOne(held(claim), later)).then(Mono.from(due.updateOne(held(claim), later))).then();
    }

    Mono<Void> release(Claim claim) {
        Bson free = Updates.combine(Updates.unset("leaseUntil"), Updates.unset("leaseToken"));
        return Mono.from(due.updateOne(held(claim), free)).then(Mono.from(subscriptions.updateOne(held(claim), free))).then();
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
