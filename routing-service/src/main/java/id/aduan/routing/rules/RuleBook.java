package id.aduan.routing.rules;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoErrors;
import id.aduan.platform.events.EventPublisher;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.routing.decision.CompetenceRule;
import id.aduan.routing.decision.CompetenceRules;
import id.aduan.routing.decision.Router;
import id.aduan.routing.reference.ReferenceData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The competence rules in MongoDB ({@code competence-rules}, one document per version): seeded from
 * the shipped competence-rules.csv on first use, replaced by coordinators since. Every decision asks
 * for {@link #router()}, which looks for a revision after the one it knows (one point read by id)
 * and rebuilds the router only when it finds one, so every routing instance decides with the set in force.
 * A change is stored unpublished, announced as {@code aduan.routing.competence-rules-changed.v1} and
 * marked published; the outbox sweep announces one whose publication failed.
 */
@Component
public class RuleBook {

    static final String SEEDED_BY = "routing-service";

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private record InForce(RuleSet set, Router router) {
    }

    private final MongoCollection<StoredRuleSet> sets;
    private final ReferenceData data;
    private final EventPublisher publisher;
    private final Clock clock;
    private final CompetenceRules shipped;
    private final AtomicReference<InForce> inForce = new AtomicReference<>();

    RuleBook(MongoDatabase database, ReferenceData data, EventPublisher publisher, Clock clock) {
        this.sets = database.getCollection("competence-rules", StoredRuleSet.class);
        this.data = data;
        this.publisher = publisher;
        this.clock = clock;
        // Checked here, at start: a bad shipped file stops the service instead of routing with half the rules.
        this.shipped = CompetenceRules.shipped(data);
    }

    /** The router under the rules in force now. */
    public Mono<Router> router() {
        return inForce().map(InForce::router);
    }

    /** The rule set in force now. */
    public Mono<RuleSet> current() {
        return inForce().map(InForce::set);
    }

    /** Every version, newest first. */
    public Flux<RuleSet> history() {
        return Flux.from(sets.find().sort(Sorts.descending(StoredRuleSet.ID))).map(StoredRuleSet::ruleSet);
    }

    /**
     * Stores the rules as the next version, in force from now on, and announces the change.
     *
     * @param basedOnVersion the version the coordinator edited, when they said; a newer one in force is a 412
     * @return the new version; 409 when another change took the same revision first
     */
    public Mono<RuleSet> change(List<CompetenceRule> rules, String changedBy, String reason, String basedOnVersion, Instant now) {
        return inForce().flatMap(current -> {
            RuleSet previous = current.set();
            if (basedOnVersion != null && !basedOnVersion.equals(previous.version())) {
                return Mono.error(ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, "The rules were edited from version "
                        + basedOnVersion + ", but version " + previous.version() + " is in force now; start from it."));
            }
            int revision = previous.revision() + 1;
            RuleSet next = new RuleSet(revision, data.version() + "-r" + revision, previous.version(), rules, changedBy, reason, now,
                    UUID.randomUUID().toString());
            return Mono.from(sets.insertOne(StoredRuleSet.of(next, false)))
                    .onErrorMap(MongoErrors::isDuplicateKey, e -> ProblemResponses.problem(HttpStatus.CONFLICT,
                            "Another change of the rules was stored meanwhile; read them again and start from the new version."))
                    .then(Mono.fromSupplier(() -> remember(next)))
                    .then(publishPending().onErrorResume(e -> {
                        log.warn("Rule set {} stored, to be announced by the sweep: {}", next.version(), e.toString());
                        return Mono.empty();
                    }))
                    .thenReturn(next);
        });
    }

    /** Announces the changes not announced yet, oldest first; stops at the first that fails. */
    public Mono<Void> publishPending() {
        return Flux.from(sets.find(Filters.eq(StoredRuleSet.PUBLISHED, false)).sort(Sorts.ascending(StoredRuleSet.ID)))
                .map(StoredRuleSet::ruleSet)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(change -> publisher.publish(change.changeId(), change.toEvent())
                        .then(Mono.from(sets.updateOne(Filters.eq(StoredRuleSet.ID, change.revision()),
                                Updates.set(StoredRuleSet.PUBLISHED, true)))))
                .then();
    }

    /**
     * Revisions are numbered without gaps, so a change stored through any instance is the revision
     * after the one this instance knows: each decision costs one point read by id, which finds none
     * until the rules change. Only the first call looks for the latest revision by sorting.
     */
    private Mono<InForce> inForce() {
        InForce cached = inForce.get();
        Mono<InForce> known = cached != null ? Mono.just(cached) : latestRevision()
                .switchIfEmpty(Mono.defer(() -> seed().then(latestRevision())))
                .flatMap(this::revision);
        return known.expand(set -> revision(set.set().revision() + 1)).last();
    }

    private Mono<InForce> revision(int revision) {
        return Mono.from(sets.find(Filters.eq(StoredRuleSet.ID, revision)).first()).map(StoredRuleSet::ruleSet).map(this::remember);
    }

    private Mono<Integer> latestRevision() {
        // Only the id, so read as a plain document: the record needs every field.
        return Mono.from(sets.find(Document.class).projection(Projections.include(StoredRuleSet.ID))
                        .sort(Sorts.descending(StoredRuleSet.ID)).limit(1).first())
                .map(stored -> stored.getInteger(StoredRuleSet.ID));
    }

    /** The first start of a new installation: the shipped rules become revision 1. Two instances starting at once store it once. */
    private Mono<Void> seed() {
        RuleSet seeded = new RuleSet(1, shipped.version(), null, shipped.inOrder(), SEEDED_BY,
                "Seeded from the shipped competence-rules.csv (reference data " + shipped.version() + ").", clock.instant(), null);
        return Mono.from(sets.insertOne(StoredRuleSet.of(seeded, true)))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then();
    }

    /** Keeps the newest set seen, whichever request saw it first. */
    private InForce remember(RuleSet set) {
        return inForce.updateAndGet(cached -> cached != null && cached.set().revision() >= set.revision()
                ? cached : new InForce(set, new Router(data, set.competenceRules())));
    }
}
