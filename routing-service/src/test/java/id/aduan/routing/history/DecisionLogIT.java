package id.aduan.routing.history;

import static id.aduan.routing.RoutingCalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Channel;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Location;
import id.aduan.contracts.Topic;
import id.aduan.platform.events.EventPublisher;
import id.aduan.routing.decision.Router;
import id.aduan.routing.decision.RoutingChain;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.rules.RuleBook;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TopicWatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** The decisions collection as the outbox of aduan.routing: nothing recorded stays unpublished, and two steps never share a place. */
@AduanServiceTest
class DecisionLogIT {

    @Autowired
    DecisionLog decisions;
    @Autowired
    RuleBook rules;
    @Autowired
    MongoDatabase database;

    @Test
    void aStepRecordedButNeverPublishedIsPublishedByTheSweepUnderItsOwnIdOnce() {
        String complaintId = ComplaintIds.next();
        Router router = rules.router().block(PATIENCE);
        RoutingDecision routed = router.decide(road(complaintId));
        RecordedDecision first = decisions.recordRouted("routed-" + complaintId, "cause", complaintId, routed, Instant.now())
                .block(PATIENCE);
        // As if the service stopped right after recording the forward, before publishing anything.
        RecordedDecision forward = decisions.append(complaintId, 1,
                router.forward(RoutingChain.startingWith(routed), "32.DPUPR", 3), "agency-32.73.DPUPR", "Bukan kami.",
                Instant.now()).block(PATIENCE);

        assertThat(decisions.publishOverdue(Duration.ZERO).block(PATIENCE)).isPositive();

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            ConsumerRecord<String, byte[]> published = routing.awaitRecord(record -> forward.eventId()
                    .equals(CloudEventCodec.decode(record.value()).id()), PATIENCE);
            assertThat(published.key()).isEqualTo(complaintId);
            assertThat(decisions.publishOverdue(Duration.ZERO).block(PATIENCE)).isZero();
            List<String> ids = routing.eventsAbout(complaintId, Duration.ofSeconds(2)).stream().map(EventEnvelope::id).toList();
            // The earlier step first, each once.
            assertThat(ids).containsExactly(first.eventId(), forward.eventId());
        }
    }

    @Test
    void aDecisionWhosePublicationFailedIsListedAndPublishedByTheSweepOnce() {
        String complaintId = ComplaintIds.next();
        DecisionLog brokerAway = new DecisionLog(database, unreachableBroker(), Clock.systemUTC());
        RecordedDecision routed = brokerAway.recordRouted("routed-" + complaintId, "cause", complaintId,
                rules.router().block(PATIENCE).decide(road(complaintId)), Instant.now()).block(PATIENCE);

        assertThatThrownBy(() -> brokerAway.publishPending(complaintId, 0).block(PATIENCE)).isInstanceOf(LeftForTheSweep.class);
        assertThat(decisions.publishOverdue(Duration.ZERO).block(PATIENCE)).isPositive();

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            routing.awaitRecord(record -> routed.eventId().equals(CloudEventCodec.decode(record.value()).id()), PATIENCE);
            decisions.publishOverdue(Duration.ZERO).block(PATIENCE);
            assertThat(routing.eventsAbout(complaintId, Duration.ofSeconds(2))).extracting(EventEnvelope::id)
                    .containsExactly(routed.eventId());
        }
        assertThat(Mono.from(database.getCollection("decisions-unpublished").find(Filters.eq("_id", routed.eventId())).first())
                .blockOptional(PATIENCE)).isEmpty();
    }

    @Test
    void aStepListedButNeverRecordedIsForgottenBySweepWithoutPublishingAnything() {
        String complaintId = ComplaintIds.next();
        String eventId = UUID.randomUUID().toString();
        // As if a forward's request died between listing its step and recording it.
        Mono.from(database.getCollection("decisions-unpublished").insertOne(new Document("_id", eventId)
                .append("complaintId", complaintId).append("stepNumber", 1).append("recordedAt", new Date()))).block(PATIENCE);

        decisions.publishOverdue(Duration.ZERO).block(PATIENCE);

        assertThat(Mono.from(database.getCollection("decisions-unpublished").find(Filters.eq("_id", eventId)).first())
                .blockOptional(PATIENCE)).isEmpty();
        assertThat(decisions.chainOf(complaintId).collectList().block(PATIENCE)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static EventPublisher unreachableBroker() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.failedFuture(new TimeoutException("broker away")));
        return new EventPublisher(kafka, "routing-service", headers -> { });
    }

    @Test
    void twoStepsTakenFromTheSamePointAreNotBothRecorded() {
        String complaintId = ComplaintIds.next();
        Router router = rules.router().block(PATIENCE);
        RoutingDecision routed = router.decide(road(complaintId));
        decisions.recordRouted("routed-" + complaintId, "cause", complaintId, routed, Instant.now()).block(PATIENCE);
        RoutingChain chain = RoutingChain.startingWith(routed);

        decisions.append(complaintId, 1, router.forward(chain, "32.DPUPR", 3), "agency-32.73.DPUPR", "Satu.", Instant.now())
                .block(PATIENCE);
        Mono<RecordedDecision> second = decisions.append(complaintId, 1, router.forward(chain, "KEMENPU", 3),
                "agency-32.73.DPUPR", "Dua.", Instant.now());

        assertThatThrownBy(() -> second.block(PATIENCE)).isInstanceOf(StepTakenMeanwhile.class);
        assertThat(decisions.chainOf(complaintId).collectList().block(PATIENCE)).hasSize(2)
                .last().extracting(RecordedDecision::reason).isEqualTo("Satu.");
    }

    @Test
    void aDecisionRecordedBeforeStepsWereNumberedReadsAsThePublishedDecisionOnSubmission() {
        String complaintId = ComplaintIds.next();
        Router router = rules.router().block(PATIENCE);
        decisions.recordRouted("routed-" + complaintId, "cause", complaintId, router.decide(road(complaintId)), Instant.now())
                .block(PATIENCE);
        Mono.from(database.getCollection("decisions").updateOne(Filters.eq("complaintId", complaintId),
                Updates.combine(Updates.unset("stepNumber"), Updates.unset("step"), Updates.unset("hop"), Updates.unset("published"))))
                .block(PATIENCE);

        assertThat(decisions.chainOf(complaintId).collectList().block(PATIENCE)).singleElement().satisfies(old -> {
            assertThat(old.stepNumber()).isZero();
            assertThat(old.decision().hop()).isZero();
            assertThat(old.toEvent().step()).isEqualTo(ComplaintRouted.Step.ROUTED);
        });
    }

    @Test
    void aStepStoredInTheEarlierShapeReadsBack() {
        String complaintId = ComplaintIds.next();
        Instant routedAt = Instant.parse("2026-05-04T03:02:01.123Z");
        Mono.from(database.getCollection(DecisionLog.DECISIONS).insertOne(new Document("_id", "routed-" + complaintId)
                .append("complaintId", complaintId).append("stepNumber", 0).append("step", "ROUTED").append("hop", 0)
                .append("destination", "AGENCY").append("agencyCode", "32.73.DPUPR").append("unitCode", null)
                .append("previousAgencyCode", null).append("rule", "road-in-regency").append("ruleSetVersion", "2026.1")
                .append("inputs", new Document("categoryCode", "INFRA.ROAD").append("regionCode", "32.73.01")
                        .append("addressedAgencyCode", null).append("suggestedAgencyCode", null)
                        .append("declinedAgencyCodes", List.of()))
                .append("explanation", "Jalan kota: dinas PU kota.").append("actor", null).append("reason", null)
                .append("routedAt", Date.from(routedAt)).append("published", true).append("cause", "cause"))).block(PATIENCE);

        assertThat(decisions.chainOf(complaintId).collectList().block(PATIENCE)).containsExactly(new RecordedDecision(
                "routed-" + complaintId, complaintId, 0, new RoutingDecision(ComplaintRouted.Step.ROUTED, 0,
                        ComplaintRouted.Destination.AGENCY, "32.73.DPUPR", null, null, "road-in-regency", "2026.1",
                        RoutingDecision.Inputs.of("INFRA.ROAD", "32.73.01", null), "Jalan kota: dinas PU kota."),
                null, null, routedAt));
    }

    @Test
    void aStepIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        String complaintId = ComplaintIds.next();
        Instant routedAt = Instant.parse("2026-05-04T03:02:01.123Z");
        RoutingDecision routed = rules.router().block(PATIENCE).decide(road(complaintId));
        decisions.recordRouted("routed-" + complaintId, "cause", complaintId, routed, routedAt).block(PATIENCE);

        Document stored = Mono.from(database.getCollection(DecisionLog.DECISIONS).find(Filters.eq("_id", "routed-" + complaintId)))
                .block(PATIENCE);
        RoutingDecision.Inputs inputs = routed.inputs();
        Document expected = new Document("_id", "routed-" + complaintId).append("complaintId", complaintId)
                .append("stepNumber", 0).append("step", routed.step().name()).append("hop", routed.hop())
                .append("destination", routed.destination().name()).append("agencyCode", routed.agencyCode())
                .append("unitCode", routed.unitCode()).append("previousAgencyCode", routed.previousAgencyCode())
                .append("rule", routed.rule()).append("ruleSetVersion", routed.ruleSetVersion())
                .append("inputs", withoutNulls(new Document("categoryCode", inputs.categoryCode())
                        .append("regionCode", inputs.regionCode()).append("addressedAgencyCode", inputs.addressedAgencyCode())
                        .append("suggestedAgencyCode", inputs.suggestedAgencyCode())
                        .append("declinedAgencyCodes", inputs.declinedAgencyCodes())))
                .append("explanation", routed.explanation()).append("actor", null).append("reason", null)
                .append("routedAt", Date.from(routedAt)).append("published", false).append("cause", "cause");
        // The one difference: a null field is left out rather than stored as null.
        assertThat(stored).isEqualTo(withoutNulls(expected));
    }

    private static Document withoutNulls(Document document) {
        document.values().removeIf(Objects::isNull);
        return document;
    }

    private static ComplaintSubmitted road(String complaintId) {
        Instant now = Instant.now();
        return new ComplaintSubmitted(complaintId, Channel.WEB, "Jalan rusak", "Jalan berlubang.", "INFRA.ROAD",
                Location.of("32.73.01"), null, now, now, false, false, null);
    }
}
