package id.aduan.routing.history;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.platform.MongoErrors;
import id.aduan.platform.events.EventPublisher;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing's {@code decisions} collection: every step of every complaint's chain, once, under the id
 * of the event that announces it, and numbered per complaint. A unique index on (complaintId,
 * stepNumber) lets only one of two concurrent steps from the same point in a chain in, and is how a
 * chain is read: step by step, each a point read on that index (docs/routing.md, "Hot path").
 *
 * <p>A step is recorded unpublished, then published and marked published. The steps whose
 * publication may have failed are listed in the small {@code decisions-unpublished} collection, from
 * which an entry is deleted once its step is out, so the sweep ({@link #publishOverdue}) reads only
 * those: a step taken on request is listed before it is recorded (nothing else would take it up
 * after a crash); the decision on submission only when its publication failed, as a crash before
 * that leaves its event unacknowledged and Kafka delivers it again. A complaint's steps are
 * published in order: a step goes out for the first time only after every earlier one did, so a
 * consumer never sees a later assignment overtaken by an earlier one.
 */
@Component
public class DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    static final String DECISIONS = "decisions";

    private final MongoCollection<Stored> decisions;
    private final MongoCollection<Document> unpublished;
    private final MongoCollection<Document> migrations;
    private final EventPublisher publisher;
    private final Clock clock;

    DecisionLog(MongoDatabase database, EventPublisher publisher, Clock clock) {
        this.decisions = database.getCollection(DECISIONS, Stored.class);
        this.unpublished = database.getCollection("decisions-unpublished");
        this.migrations = database.getCollection("migrations");
        this.publisher = publisher;
        this.clock = clock;
        // The unique index is what refuses the second of two concurrent steps: it must exist before any step.
        Mono.from(decisions.createIndex(Indexes.ascending(Stored.COMPLAINT_ID, Stored.STEP_NUMBER), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
        // For the coordinators' queue on real MongoDB; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(decisions.createIndex(Indexes.ascending(Stored.DESTINATION, Stored.SUPERSEDED_AT, Stored.ROUTED_AT))).subscribe();
        Mono.from(unpublished.createIndex(Indexes.ascending("recordedAt"))).subscribe();
    }

    /**
     * Records the decision made on submission unless the complaint has one, and returns the recorded
     * one. The caller publishes it ({@link #publishPending}) before acknowledging the submission.
     */
    public Mono<RecordedDecision> recordRouted(String eventId, String cause, String complaintId, RoutingDecision decision,
            Instant routedAt) {
        Stored first = Stored.unpublished(eventId, complaintId, 0, decision, null, null, routedAt, cause);
        return Mono.from(decisions.insertOne(first))
                .thenReturn(first)
                .onErrorResume(MongoErrors::isDuplicateKey, e -> step(complaintId, 0))
                .map(Stored::recorded);
    }

    /** Records a step taken on request, under a fresh event id ({@link #append(String, String, int, RoutingDecision, String, String, Instant)}). */
    public Mono<RecordedDecision> append(String complaintId, int stepNumber, RoutingDecision decision, String actor, String reason,
            Instant routedAt) {
        return append(UUID.randomUUID().toString(), complaintId, stepNumber, decision, actor, reason, routedAt);
    }

    /**
     * Records a later step, unpublished, and marks the step before it superseded.
     *
     * @param eventId the id its event will be published under: a fresh one for a request, one derived from the cause
     *     for a reaction to an event
     * @return the step, or {@link StepTakenMeanwhile} when another step already took this number
     */
    public Mono<RecordedDecision> append(String eventId, String complaintId, int stepNumber, RoutingDecision decision,
            String actor, String reason, Instant routedAt) {
        Stored step = Stored.unpublished(eventId, complaintId, stepNumber, decision, actor, reason, routedAt, null);
        return listUnpublished(eventId, complaintId, stepNumber)
                .then(Mono.from(decisions.insertOne(step)))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> unlist(eventId).then(Mono.error(new StepTakenMeanwhile(complaintId))))
                .then(Mono.from(decisions.updateOne(numbered(complaintId, stepNumber - 1),
                        Updates.set(Stored.SUPERSEDED_AT, Date.from(clock.instant())))))
                .thenReturn(step.recorded());
    }

    /** The complaint's steps, oldest first. */
    public Flux<RecordedDecision> chainOf(String complaintId) {
        return step(complaintId, 0)
                .expand(stored -> step(complaintId, stored.stepNumber() + 1))
                .map(Stored::recorded)
                // Decisions recorded before steps were numbered have no step 0: the only scan, for those alone.
                .switchIfEmpty(Flux.defer(() -> Flux.from(decisions.find(Filters.eq(Stored.COMPLAINT_ID, complaintId))
                                .sort(Sorts.ascending(Stored.STEP_NUMBER, Stored.ROUTED_AT)))
                        .map(Stored::recorded)));
    }

    /**
     * Publishes the complaint's unpublished steps up to this one, in order; stops at the first that
     * fails, listing it for the sweep ({@link LeftForTheSweep}), and leaves it and the rest for later.
     * Any other error (the steps could not be read, or the listing failed) means nothing was left for the sweep.
     */
    public Mono<Void> publishPending(String complaintId, int upToStep) {
        return Flux.range(0, upToStep + 1)
                .concatMap(number -> step(complaintId, number))
                .collectList()
                .flatMapMany(steps -> Flux.fromIterable(steps)
                        .filter(stored -> !stored.isPublished())
                        .concatMap(stored -> publish(stored, steps.stream()
                                .filter(earlier -> earlier.stepNumber() == stored.stepNumber() - 1)
                                .findFirst().orElse(null))))
                .then();
    }

    private Mono<Void> publish(Stored stored, Stored previous) {
        RecordedDecision step = stored.recorded();
        Mono<Void> supersede = previous == null || previous.supersededAt() != null ? Mono.empty()
                : Mono.from(decisions.updateOne(Filters.eq("_id", previous.eventId()),
                        Updates.set(Stored.SUPERSEDED_AT, Date.from(clock.instant())))).then();
        return supersede
                .then(publisher.publish(step.eventId(), step.toEvent()))
                .then(Mono.from(decisions.updateOne(Filters.eq("_id", step.eventId()),
                        Updates.combine(Updates.set(Stored.PUBLISHED, true),
                                Updates.set(Stored.PUBLISHED_AT, Date.from(clock.instant()))))))
                .then(unlist(step.eventId()))
                .onErrorResume(e -> listUnpublished(step.eventId(), step.complaintId(), step.stepNumber())
                        .then(Mono.error(new LeftForTheSweep(step.eventId(), e))));
    }

    /**
     * Publishes the listed steps recorded a grace period ago or more (their own request or event
     * failed to, or died first), and forgets listed steps never recorded (their request died before);
     * returns how many complaints it published for.
     */
    public Mono<Long> publishOverdue(Duration grace) {
        Date listedBefore = Date.from(clock.instant().minus(grace));
        return Flux.from(unpublished.find(Filters.lt("recordedAt", listedBefore)))
                .collectMultimap(listed -> listed.getString(Stored.COMPLAINT_ID))
                .flatMapMany(byComplaint -> Flux.fromIterable(byComplaint.entrySet()))
                .concatMap(complaint -> forgetUnrecorded(complaint.getValue())
                        .flatMap(recorded -> recorded.isEmpty() ? Mono.just(0L)
                                : publishPending(complaint.getKey(), recorded.stream()
                                        .mapToInt(listed -> listed.getInteger(Stored.STEP_NUMBER))
                                        .max().orElseThrow()).thenReturn(1L))
                        .onErrorResume(e -> {
                            log.warn("Routing steps of {} still unpublished: {}", complaint.getKey(), e.toString());
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum);
    }

    /**
     * Lists the unpublished steps recorded before this list existed: one query over all decisions,
     * run once per database (remembered in {@code migrations}), never per event.
     */
    public Mono<Void> listUnpublishedOfEarlierVersions() {
        Document done = new Document("_id", "decisions-unpublished-listed");
        return Mono.from(migrations.find(done).first())
                .switchIfEmpty(Flux.from(decisions.find(Filters.eq(Stored.PUBLISHED, false)))
                        .concatMap(stored -> listUnpublished(stored.eventId(), stored.complaintId(), stored.stepNumber()))
                        .then(Mono.from(migrations.insertOne(done.append("at", Date.from(clock.instant())))))
                        .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                        .then(Mono.empty()))
                .then();
    }

    /** The listed steps that were recorded; entries of steps never recorded are deleted. */
    private Mono<List<Document>> forgetUnrecorded(Collection<Document> listed) {
        return Flux.fromIterable(listed)
                .concatMap(entry -> Mono.from(decisions.find(Filters.eq("_id", entry.getString("_id"))).first())
                        .map(recorded -> entry)
                        .switchIfEmpty(unlist(entry.getString("_id")).then(Mono.empty())))
                .collectList();
    }

    private Mono<Void> listUnpublished(String eventId, String complaintId, int stepNumber) {
        return Mono.from(unpublished.updateOne(Filters.eq("_id", eventId),
                Updates.combine(Updates.setOnInsert(Stored.COMPLAINT_ID, complaintId), Updates.setOnInsert(Stored.STEP_NUMBER, stepNumber),
                        Updates.setOnInsert("recordedAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true))).then();
    }

    private Mono<Void> unlist(String eventId) {
        return Mono.from(unpublished.deleteOne(Filters.eq("_id", eventId))).then();
    }

    /** One step: a point read on the unique index (complaintId, stepNumber). */
    private Mono<Stored> step(String complaintId, int stepNumber) {
        return Mono.from(decisions.find(numbered(complaintId, stepNumber)).first());
    }

    /** Exactly the unique index's fields, as one document: the driver writes Filters.and as an $and, which the stand-in scans for. */
    private static Bson numbered(String complaintId, int stepNumber) {
        return new Document(Stored.COMPLAINT_ID, complaintId).append(Stored.STEP_NUMBER, stepNumber);
    }

    /**
     * The latest steps that left complaints with one of these agencies, oldest first: a scan, for a
     * coordinator's correction in bulk, never per event.
     */
    public Flux<RecordedDecision> lyingWith(Collection<String> agencyCodes) {
        return Flux.from(decisions.find(Filters.and(Filters.in(Stored.AGENCY_CODE, agencyCodes), Filters.eq(Stored.SUPERSEDED_AT, null)))
                        .sort(Sorts.ascending(Stored.ROUTED_AT, Stored.COMPLAINT_ID)))
                .map(Stored::recorded);
    }

    /** Complaints whose latest step left them in the coordinators' queue, longest waiting first. */
    public Flux<RecordedDecision> queue(int page, int size) {
        return Flux.from(decisions.find(inQueue()).sort(Sorts.ascending(Stored.ROUTED_AT, Stored.COMPLAINT_ID))
                        .skip(page * size).limit(size))
                .map(Stored::recorded);
    }

    public Mono<Long> queueSize() {
        return Mono.from(decisions.countDocuments(inQueue()));
    }

    private static Bson inQueue() {
        return Filters.and(Filters.eq(Stored.DESTINATION, Destination.COORDINATORS_QUEUE.name()), Filters.eq(Stored.SUPERSEDED_AT, null));
    }

    /**
     * A step as stored: its event's id as {@code _id}, the decision's fields flat beside the complaint's id
     * and step number, its enums by name and its instants as BSON dates, as before; a null field is absent
     * (it was an explicit null; the queries ask for a null supersededAt, which matches an absent one too).
     * Decisions recorded before steps were numbered lack stepNumber, step, hop and published, and read as the
     * decision on submission, already published. Public, as the driver's record codec requires.
     *
     * @param cause the id of the submission the first step answers; on step 0 only
     * @param supersededAt set once a later step is taken; publishedAt once its event is out
     */
    public record Stored(@BsonId String eventId, @BsonProperty(COMPLAINT_ID) String complaintId,
            @BsonProperty(STEP_NUMBER) Integer stepNumber, Step step, Integer hop, @BsonProperty(DESTINATION) Destination destination,
            @BsonProperty(AGENCY_CODE) String agencyCode, String unitCode, String previousAgencyCode, String rule,
            String ruleSetVersion, Inputs inputs, String explanation, String actor, String reason,
            @BsonProperty(ROUTED_AT) Instant routedAt, @BsonProperty(PUBLISHED) Boolean published, String cause,
            @BsonProperty(SUPERSEDED_AT) Instant supersededAt, @BsonProperty(PUBLISHED_AT) Instant publishedAt) {

        static final String COMPLAINT_ID = "complaintId";
        static final String STEP_NUMBER = "stepNumber";
        static final String DESTINATION = "destination";
        static final String AGENCY_CODE = "agencyCode";
        static final String ROUTED_AT = "routedAt";
        static final String PUBLISHED = "published";
        static final String SUPERSEDED_AT = "supersededAt";
        static final String PUBLISHED_AT = "publishedAt";

        public Stored {
            stepNumber = stepNumber == null ? 0 : stepNumber;
        }

        static Stored unpublished(String eventId, String complaintId, int stepNumber, RoutingDecision decision, String actor,
                String reason, Instant routedAt, String cause) {
            return new Stored(eventId, complaintId, stepNumber, decision.step(), decision.hop(), decision.destination(),
                    decision.agencyCode(), decision.unitCode(), decision.previousAgencyCode(), decision.rule(),
                    decision.ruleSetVersion(), decision.inputs(), decision.explanation(), actor, reason, routedAt, false, cause,
                    null, null);
        }

        boolean isPublished() {
            return published == null || published;
        }

        RecordedDecision recorded() {
            RoutingDecision decision = new RoutingDecision(step == null ? Step.ROUTED : step, hop == null ? 0 : hop, destination,
                    agencyCode, unitCode, previousAgencyCode, rule, ruleSetVersion, inputs, explanation);
            return new RecordedDecision(eventId, complaintId, stepNumber, decision, actor, reason, routedAt);
        }
    }
}
