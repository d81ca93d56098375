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

    private final MongoCollection<Document> decisions;
    private final MongoCollection<Document> unpublished;
    private final MongoCollection<Document> migrations;
    private final EventPublisher publisher;
    private final Clock clock;

    DecisionLog(MongoDatabase database, EventPublisher publisher, Clock clock) {
        this.decisions = database.getCollection("decisions");
        this.unpublished = database.getCollection("decisions-unpublished");
        this.migrations = database.getCollection("migrations");
        this.publisher = publisher;
        this.clock = clock;
        // The unique index is what refuses the second of two concurrent steps: it must exist before any step.
        Mono.from(decisions.createIndex(Indexes.ascending("complaintId", "stepNumber"), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
        // For the coordinators' queue on real MongoDB; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(decisions.createIndex(Indexes.ascending("destination", "supersededAt", "routedAt"))).subscribe();
        Mono.from(unpublished.createIndex(Indexes.ascending("recordedAt"))).subscribe();
    }

    /**
     * Records the decision made on submission unless the complaint has one, and returns the recorded
     * one. The caller publishes it ({@link #publishPending}) before acknowledging the submission.
     */
    public Mono<RecordedDecision> recordRouted(String eventId, String cause, String complaintId, RoutingDecision decision,
            Instant routedAt) {
        Document first = document(eventId, complaintId, 0, decision, null, null, routedAt).append("cause", cause);
        return Mono.from(decisions.insertOne(first))
                .thenReturn(first)
                .onErrorResume(MongoErrors::isDuplicateKey, e -> step(complaintId, 0))
                .map(DecisionLog::read);
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
        Document step = document(eventId, complaintId, stepNumber, decision, actor, reason, routedAt);
        return listUnpublished(eventId, complaintId, stepNumber)
                .then(Mono.from(decisions.insertOne(step)))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> unlist(eventId).then(Mono.error(new StepTakenMeanwhile(complaintId))))
                .then(Mono.from(decisions.updateOne(numbered(complaintId, stepNumber - 1),
                        Updates.set("supersededAt", Date.from(clock.instant())))))
                .thenReturn(read(step));
    }

    /** The complaint's steps, oldest first. */
    public Flux<RecordedDecision> chainOf(String complaintId) {
        return step(complaintId, 0)
                .expand(stored -> step(complaintId, stored.getInteger("stepNumber") + 1))
                .map(DecisionLog::read)
                // Decisions recorded before steps were numbered have no step 0: the only scan, for those alone.
                .switchIfEmpty(Flux.defer(() -> Flux.from(decisions.find(Filters.eq("complaintId", complaintId))
                                .sort(Sorts.ascending("stepNumber", "routedAt")))
                        .map(DecisionLog::read)));
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
                        .filter(stored -> !stored.getBoolean("published", true))
                        .concatMap(stored -> publish(stored, steps.stream()
                                .filter(earlier -> earlier.getInteger("stepNumber") == stored.getInteger("stepNumber") - 1)
                                .findFirst().orElse(null))))
                .then();
    }

    private Mono<Void> publish(Document stored, Document previous) {
        RecordedDecision step = read(stored);
        Mono<Void> supersede = previous == null || previous.get("supersededAt") != null ? Mono.empty()
                : Mono.from(decisions.updateOne(Filters.eq("_id", previous.getString("_id")),
                        Updates.set("supersededAt", Date.from(clock.instant())))).then();
        return supersede
                .then(publisher.publish(step.eventId(), step.toEvent()))
                .then(Mono.from(decisions.updateOne(Filters.eq("_id", step.eventId()),
                        Updates.combine(Updates.set("published", true), Updates.set("publishedAt", Date.from(clock.instant()))))))
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
                .collectMultimap(listed -> listed.getString("complaintId"))
                .flatMapMany(byComplaint -> Flux.fromIterable(byComplaint.entrySet()))
                .concatMap(complaint -> forgetUnrecorded(complaint.getValue())
                        .flatMap(recorded -> recorded.isEmpty() ? Mono.just(0L)
                                : publishPending(complaint.getKey(), recorded.stream().mapToInt(listed -> listed.getInteger("stepNumber"))
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
                .switchIfEmpty(Flux.from(decisions.find(Filters.eq("published", false)))
                        .concatMap(stored -> listUnpublished(stored.getString("_id"), stored.getString("complaintId"),
                                stored.getInteger("stepNumber", 0)))
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
                Updates.combine(Updates.setOnInsert("complaintId", complaintId), Updates.setOnInsert("stepNumber", stepNumber),
                        Updates.setOnInsert("recordedAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true))).then();
    }

    private Mono<Void> unlist(String eventId) {
        return Mono.from(unpublished.deleteOne(Filters.eq("_id", eventId))).then();
    }

    /** One step: a point read on the unique index (complaintId, stepNumber). */
    private Mono<Document> step(String complaintId, int stepNumber) {
        return Mono.from(decisions.find(numbered(complaintId, stepNumber)).first());
    }

    /** Exactly the unique index's fields, as one document: the driver writes Filters.and as an $and, which the stand-in scans for. */
    private static Bson numbered(String complaintId, int stepNumber) {
        return new Document("complaintId", complaintId).append("stepNumber", stepNumber);
    }

    /**
     * The latest steps that left complaints with one of these agencies, oldest first: a scan, for a
     * coordinator's correction in bulk, never per event.
     */
    public Flux<RecordedDecision> lyingWith(Collection<String> agencyCodes) {
        return Flux.from(decisions.find(Filters.and(Filters.in("agencyCode", agencyCodes), Filters.eq("supersededAt", null)))
                        .sort(Sorts.ascending("routedAt", "complaintId")))
                .map(DecisionLog::read);
    }

    /** Complaints whose latest step left them in the coordinators' queue, longest waiting first. */
    public Flux<RecordedDecision> queue(int page, int size) {
        return Flux.from(decisions.find(inQueue()).sort(Sorts.ascending("routedAt", "complaintId")).skip(page * size).limit(size))
                .map(DecisionLog::read);
    }

    public Mono<Long> queueSize() {
        return Mono.from(decisions.countDocuments(inQueue()));
    }

    private static Bson inQueue() {
        return Filters.and(Filters.eq("destination", Destination.COORDINATORS_QUEUE.name()), Filters.eq("supersededAt", null));
    }

    private static Document document(String eventId, String complaintId, int stepNumber, RoutingDecision decision, String actor,
            String reason, Instant routedAt) {
        Inputs inputs = decision.inputs();
        return new Document("_id", eventId)
                .append("complaintId", complaintId)
                .append("stepNumber", stepNumber)
                .append("step", decision.step().name())
                .append("hop", decision.hop())
                .append("destination", decision.destination().name())
                .append("agencyCode", decision.agencyCode())
                .append("unitCode", decision.unitCode())
                .append("previousAgencyCode", decision.previousAgencyCode())
                .append("rule", decision.rule())
                .append("ruleSetVersion", decision.ruleSetVersion())
                .append("inputs", new Document("categoryCode", inputs.categoryCode())
                        .append("regionCode", inputs.regionCode())
                        .append("addressedAgencyCode", inputs.addressedAgencyCode())
                        .append("suggestedAgencyCode", inputs.suggestedAgencyCode())
                        .append("declinedAgencyCodes", inputs.declinedAgencyCodes()))
                .append("explanation", decision.explanation())
                .append("actor", actor)
                .append("reason", reason)
                .append("routedAt", Date.from(routedAt))
                .append("published", false);
    }

    /** Decisions recorded before steps were numbered read as the decision on submission, already published. */
    private static RecordedDecision read(Document stored) {
        Document inputs = stored.get("inputs", Document.class);
        Step step = stored.containsKey("step") ? Step.valueOf(stored.getString("step")) : Step.ROUTED;
        RoutingDecision decision = new RoutingDecision(step, stored.getInteger("hop", 0),
                Destination.valueOf(stored.getString("destination")), stored.getString("agencyCode"), stored.getString("unitCode"),
                stored.getString("previousAgencyCode"), stored.getString("rule"), stored.getString("ruleSetVersion"),
                new Inputs(inputs.getString("categoryCode"), inputs.getString("regionCode"), inputs.getString("addressedAgencyCode"),
                        inputs.getString("suggestedAgencyCode"), inputs.getList("declinedAgencyCodes", String.class, List.of())),
                stored.getString("explanation"));
        return new RecordedDecision(stored.getString("_id"), stored.getString("complaintId"), stored.getInteger("stepNumber", 0),
                decision, stored.getString("actor"), stored.getString("reason"), stored.getDate("routedAt").toInstant());
    }
}
