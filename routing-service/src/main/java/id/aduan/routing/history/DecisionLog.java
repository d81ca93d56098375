package id.aduan.routing.history;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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
 * stepNumber) lets only one of two concurrent steps from the same point in a chain in.
 *
 * <p>A step is recorded unpublished, then published and marked published; a step whose publication
 * failed (broker away, crash) is published later by {@link #publishOverdue}, under the same event id.
 * A complaint's steps are published in order: a step goes out for the first time only after every
 * earlier one did, so a consumer never sees a later assignment overtaken by an earlier one.
 */
@Component
public class DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> decisions;
    private final EventPublisher publisher;
    private final Clock clock;

    DecisionLog(MongoDatabase database, EventPublisher publisher, Clock clock) {
        this.decisions = database.getCollection("decisions");
        this.publisher = publisher;
        this.clock = clock;
        // The unique index is what refuses the second of two concurrent steps: it must exist before any step.
        Mono.from(decisions.createIndex(Indexes.ascending("complaintId", "stepNumber"), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
        // Real MongoDB uses these; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(decisions.createIndex(Indexes.ascending("destination", "supersededAt", "routedAt"))).subscribe();
        Mono.from(decisions.createIndex(Indexes.ascending("published", "routedAt"))).subscribe();
    }

    /** Records the decision made on submission unless the complaint has one, and returns the recorded one. */
    public Mono<RecordedDecision> recordRouted(String eventId, String cause, String complaintId, RoutingDecision decision,
            Instant routedAt) {
        Document first = document(eventId, complaintId, 0, decision, null, null, routedAt).append("cause", cause);
        return Mono.from(decisions.insertOne(first))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then(Mono.from(decisions.find(Filters.and(Filters.eq("complaintId", complaintId), Filters.eq("stepNumber", 0)))
                        .first()))
                .map(DecisionLog::read);
    }

    /**
     * Records a later step, unpublished, and marks the step before it superseded.
     *
     * @return the step, or {@link StepTakenMeanwhile} when another step already took this number
     */
    public Mono<RecordedDecision> append(String complaintId, int stepNumber, RoutingDecision decision, String actor, String reason,
            Instant routedAt) {
        Document step = document(UUID.randomUUID().toString(), complaintId, stepNumber, decision, actor, reason, routedAt);
        return Mono.from(decisions.insertOne(step))
                .onErrorMap(MongoErrors::isDuplicateKey, e -> new StepTakenMeanwhile(complaintId))
                .then(markSuperseded(complaintId, stepNumber - 1))
                .thenReturn(read(step));
    }

    /** The complaint's steps, oldest first. */
    public Flux<RecordedDecision> chainOf(String complaintId) {
        return Flux.from(decisions.find(Filters.eq("complaintId", complaintId)).sort(Sorts.ascending("stepNumber", "routedAt")))
                .map(DecisionLog::read);
    }

    /** Publishes the complaint's unpublished steps in order; stops at the first that fails, leaving it and the rest for later. */
    public Mono<Void> publishPending(String complaintId) {
        return Flux.from(decisions.find(Filters.and(Filters.eq("complaintId", complaintId), Filters.eq("published", false)))
                        .sort(Sorts.ascending("stepNumber")))
                .map(DecisionLog::read)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(step -> markSuperseded(complaintId, step.stepNumber() - 1)
                        .then(publisher.publish(step.eventId(), step.toEvent()))
                        .then(Mono.from(decisions.updateOne(Filters.eq("_id", step.eventId()),
                                Updates.combine(Updates.set("published", true), Updates.set("publishedAt", Date.from(clock.instant())))))))
                .then();
    }

    /**
     * Publishes the steps still unpublished a grace period after they were recorded (their own
     * request failed to, or died first); returns how many complaints it published for.
     */
    public Mono<Long> publishOverdue(Duration grace) {
        Date recordedBefore = Date.from(clock.instant().minus(grace));
        return Flux.from(decisions.find(Filters.and(Filters.eq("published", false), Filters.lt("routedAt", recordedBefore))))
                .map(stored -> stored.getString("complaintId"))
                .distinct()
                .concatMap(complaintId -> publishPending(complaintId).thenReturn(1L).onErrorResume(e -> {
                    log.warn("Routing steps of {} still unpublished: {}", complaintId, e.toString());
                    return Mono.just(0L);
                }))
                .reduce(0L, Long::sum);
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

    private Mono<Void> markSuperseded(String complaintId, int stepNumber) {
        if (stepNumber < 0) {
            return Mono.empty();
        }
        return Mono.from(decisions.updateOne(
                Filters.and(Filters.eq("complaintId", complaintId), Filters.eq("stepNumber", stepNumber), Filters.eq("supersededAt", null)),
                Updates.set("supersededAt", Date.from(clock.instant())))).then();
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
                Destination.valueOf(stored.getString("destination")), stored.getString("agencyCode"),
                stored.getString("previousAgencyCode"), stored.getString("rule"), stored.getString("ruleSetVersion"),
                new Inputs(inputs.getString("categoryCode"), inputs.getString("regionCode"), inputs.getString("addressedAgencyCode"),
                        inputs.getString("suggestedAgencyCode"), inputs.getList("declinedAgencyCodes", String.class, List.of())),
                stored.getString("explanation"));
        return new RecordedDecision(stored.getString("_id"), stored.getString("complaintId"), stored.getInteger("stepNumber", 0),
                decision, stored.getString("actor"), stored.getString("reason"), stored.getDate("routedAt").toInstant());
    }
}
