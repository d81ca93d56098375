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
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private final MongoCollection<Stored> subscriptions;
    private final MongoCollection<Document> webhookLists;
    private final MongoCollection<Document> due;
    private final MongoCollection<Document> migrations;
    private final AgencyFeed feed;
    private final Clock clock;

    Subscriptions(MongoDatabase database, AgencyFeed feed, Clock clock) {
        this.subscriptions = database.getCollection(COLLECTION, Stored.class);
        this.webhookLists = database.getCollection("agency-webhooks");
        this.due = database.getCollection("agency-subscriptions-due");
        this.migrations = database.getCollection("migrations");
        this.feed = feed;
        this.clock = clock;
        Duration timeout = Duration.ofSeconds(30);
        // Sparse: only a held subscription has a token.
        for (MongoCollection<?> leased : List.of(subscriptions, due)) {
            Mono.from(leased.createIndex(Indexes.ascending(Stored.LEASE_TOKEN), new IndexOptions().unique(true).sparse(true)))
                    .block(timeout);
        }
        // Real MongoDB uses it; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(due.createIndex(Indexes.ascending(Stored.NEXT_ATTEMPT_AT))).subscribe();
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
                        .concatMap(stored -> (stored.kind() == Subscription.Kind.WEBHOOK
                                ? list(stored.agencyCode(), stored.id()) : Mono.<Void>empty())
                                .then(Boolean.TRUE.equals(stored.pending()) ? markDue(stored.id()) : Mono.empty()))
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
        return Mono.from(due.updateOne(Filters.eq("_id", id), Updates.setOnInsert(Stored.NEXT_ATTEMPT_AT, Date.from(clock.instant())),
                new UpdateOptions().upsert(true))).then();
    }

    /** The id of an agency's topic subscription. */
    public static String topicId(String agencyCode) {
        return "topic/" + agencyCode;
    }

    /** Creates the agency's topic subscription, from the start of its feed, unless it exists. */
    public Mono<Void> ensureTopic(String agencyCode) {
        return Mono.from(subscriptions.insertOne(Stored.initial(topicId(agencyCode), Subscription.Kind.TOPIC, agencyCode, null, null,
                        null, clock.instant(), 0, true)))
                .onErrorResume(MongoErrors::isDuplicateKey, exists -> Mono.empty())
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
                .flatMap(head -> Mono.from(subscriptions.insertOne(Stored.initial(id, Subscription.Kind.WEBHOOK, agencyCode, url, secret,
                                createdBy, clock.instant(), head, false)))
                        .then(feed.head(agencyCode))
                        .flatMap(now -> now > head ? wake(agencyCode, now) : Mono.empty()))
                .then(Mono.defer(() -> find(agencyCode, id)));
    }

    /** Tells the agency's subscriptions that its feed now reaches this number. */
    public Mono<Void> wake(String agencyCode, long head) {
        Bson woken = Updates.combine(Updates.max(Stored.FEED_HEAD, head), Updates.set(Stored.PENDING, true));
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
                .map(Stored::subscription)
                .filter(subscription -> subscription.agencyCode().equals(agencyCode) && subscription.kind() == kind)
                .sort(Comparator.comparing(Subscription::createdAt));
    }

    public Mono<Subscription> find(String agencyCode, String id) {
        return Mono.from(subscriptions.find(Filters.eq("_id", id)).first())
                .map(Stored::subscription)
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
        Bson leased = Updates.combine(Updates.set(Stored.LEASE_UNTIL, Date.from(now.plus(lease))), Updates.set(Stored.LEASE_TOKEN, token));
        return Mono.from(due.findOneAndUpdate(
                        Filters.and(Filters.lte(Stored.NEXT_ATTEMPT_AT, at),
                                Filters.or(Filters.eq(Stored.LEASE_UNTIL, null), Filters.lt(Stored.LEASE_UNTIL, at))),
                        leased, new FindOneAndUpdateOptions().sort(Sorts.ascending(Stored.NEXT_ATTEMPT_AT))
                                .returnDocument(ReturnDocument.AFTER)))
                .flatMap(claimed -> Mono.from(subscriptions.findOneAndUpdate(Filters.eq("_id", claimed.getString("_id")), leased,
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                        // A webhook removed meanwhile: nothing to deliver to.
                        .switchIfEmpty(Mono.from(due.deleteOne(Filters.eq(Stored.LEASE_TOKEN, token))).then(Mono.empty())))
                .map(claimed -> new Claim(claimed.subscription(), token, now));
    }

    /**
     * Records an attempt made from {@code from} with {@code failuresBefore} failures in a row
     * behind it; false when the claim was lost meanwhile (and nothing was recorded).
     */
    Mono<Boolean> record(Claim claim, long from, int failuresBefore, Attempt attempt, Backoff backoff) {
        Instant now = clock.instant();
        boolean progressed = attempt.deliveredUpTo() > from;
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(Stored.DELIVERED_UP_TO, attempt.deliveredUpTo()),
                Updates.set(Stored.LAST_ATTEMPT_AT, Date.from(now)),
                Updates.set(Stored.LAST_STATUS, attempt.lastStatus()),
                Updates.set(Stored.LAST_ERROR, attempt.error())));
        if (progressed) {
            updates.add(Updates.set(Stored.LAST_SUCCESS_AT, Date.from(now)));
        }
        int failures = attempt.failed() ? (progressed ? 1 : failuresBefore + 1) : 0;
        updates.add(Updates.set(Stored.FAILURES_IN_A_ROW, failures));
        Bson next = Updates.set(Stored.NEXT_ATTEMPT_AT, Date.from(now.plus(backoff.after(failures))));
        updates.add(next);
        return Mono.from(subscriptions.updateOne(held(claim), Updates.combine(updates)))
                .flatMap(result -> Mono.from(due.updateOne(held(claim), next)).thenReturn(result.getMatchedCount() > 0));
    }

    /** Marks the subscription as having nothing to deliver, unless the feed went beyond {@code deliveredUpTo}. */
    Mono<Boolean> settle(Claim claim, long deliveredUpTo) {
        // Cleared, then set again if an append had gone beyond: a wake after the clearing sets both by itself.
        return Mono.from(due.deleteOne(held(claim)))
                .then(Mono.from(subscriptions.findOneAndUpdate(held(claim), Updates.set(Stored.PENDING, false),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .flatMap(cleared -> cleared.feedHead() <= deliveredUpTo ? Mono.just(true)
                        : Mono.from(subscriptions.updateOne(held(claim), Updates.set(Stored.PENDING, true)))
                                // Back in the due collection still held, so that the caller's postpone and release apply to it.
                                .then(Mono.from(due.updateOne(Filters.eq("_id", claim.subscription().id()), Updates.combine(
                                        Updates.setOnInsert(Stored.NEXT_ATTEMPT_AT, Date.from(clock.instant())),
                                        Updates.setOnInsert(Stored.LEASE_TOKEN, claim.token()),
                                        Updates.setOnInsert(Stored.LEASE_UNTIL, date(cleared.leaseUntil()))),
                                        new UpdateOptions().upsert(true))))
                                .thenReturn(false))
                .defaultIfEmpty(false);
    }

    /** Extends the claim's lease to {@code until}; false when the claim was lost (or its webhook removed) meanwhile. */
    Mono<Boolean> renew(Claim claim, Instant until) {
        Bson extended = Updates.set(Stored.LEASE_UNTIL, Date.from(until));
        // The due entry first: it is what other instances claim from.
        return Mono.from(due.updateOne(held(claim), extended))
                .flatMap(inDue -> Mono.from(subscriptions.updateOne(held(claim), extended))
                        .map(inSubscription -> inDue.getMatchedCount() > 0 && inSubscription.getMatchedCount() > 0));
    }

    /** Leaves the subscription alone until then. */
    Mono<Void> postpone(Claim claim, Instant until) {
        Bson later = Updates.max(Stored.NEXT_ATTEMPT_AT, Date.from(until));
        return Mono.from(subscriptions.updateOne(held(claim), later)).then(Mono.from(due.updateOne(held(claim), later))).then();
    }

    Mono<Void> release(Claim claim) {
        Bson free = Updates.combine(Updates.unset(Stored.LEASE_UNTIL), Updates.unset(Stored.LEASE_TOKEN));
        return Mono.from(due.updateOne(held(claim), free)).then(Mono.from(subscriptions.updateOne(held(claim), free))).then();
    }

    /** The claim's token is unique to it: matching it alone is matching the subscription while still held. */
    private static Bson held(Claim claim) {
        return Filters.eq(Stored.LEASE_TOKEN, claim.token());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /**
     * A subscription as stored, under its id: its kind by name, its numbers 64-bit and its instants BSON
     * dates, as before. Created whole; from then on every change is a partial update (a {@code $set},
     * {@code $max} or {@code $unset} under the claim's token) naming the fields declared here, some of
     * which the due entries in {@code agency-subscriptions-due} share. A null field is absent.
     * Public, as the driver's record codec requires.
     */
    public record Stored(@BsonId String id, Subscription.Kind kind, String agencyCode, String url, String secret, String createdBy,
            Instant createdAt, @BsonProperty(DELIVERED_UP_TO) long deliveredUpTo, @BsonProperty(FEED_HEAD) long feedHead,
            @BsonProperty(PENDING) Boolean pending, @BsonProperty(NEXT_ATTEMPT_AT) Instant nextAttemptAt,
            @BsonProperty(FAILURES_IN_A_ROW) Integer failuresInARow, @BsonProperty(LAST_ATTEMPT_AT) Instant lastAttemptAt,
            @BsonProperty(LAST_STATUS) Integer lastStatus, @BsonProperty(LAST_ERROR) String lastError,
            @BsonProperty(LAST_SUCCESS_AT) Instant lastSuccessAt, @BsonProperty(LEASE_UNTIL) Instant leaseUntil,
            @BsonProperty(LEASE_TOKEN) String leaseToken) {

        static final String DELIVERED_UP_TO = "deliveredUpTo";
        static final String FEED_HEAD = "feedHead";
        static final String PENDING = "pending";
        static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
        static final String FAILURES_IN_A_ROW = "failuresInARow";
        static final String LAST_ATTEMPT_AT = "lastAttemptAt";
        static final String LAST_STATUS = "lastStatus";
        static final String LAST_ERROR = "lastError";
        static final String LAST_SUCCESS_AT = "lastSuccessAt";
        static final String LEASE_UNTIL = "leaseUntil";
        static final String LEASE_TOKEN = "leaseToken";

        /** A new subscription, delivering from the feed's number {@code head} on, due now. */
        static Stored initial(String id, Subscription.Kind kind, String agencyCode, String url, String secret, String createdBy,
                Instant now, long head, boolean pending) {
            return new Stored(id, kind, agencyCode, url, secret, createdBy, now, head, head, pending, now, 0, null, null, null,
                    null, null, null);
        }

        Subscription subscription() {
            return new Subscription(id, kind, agencyCode, url, secret, createdAt, deliveredUpTo, feedHead,
                    new Subscription.Status(lastAttemptAt, lastStatus, lastError, lastSuccessAt, nextAttemptAt,
                            failuresInARow == null ? 0 : failuresInARow));
        }
    }
}
