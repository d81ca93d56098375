package id.aduan.routing.subscription.feed;

import static id.aduan.routing.subscription.RoutingSteps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.routing.subscription.RoutingSteps;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** The feed every path delivers: each event once per agency, numbered without gaps however appends race. */
@AduanServiceTest
class SubscriptionFeedIT {

    @Autowired
    AgencyFeed feed;

    @Test
    void aRedeliveredRoutingStepIsAppendedOnce() {
        String agency = RoutingSteps.freshAgency();
        EventEnvelope<ComplaintRouted> step = Complaints.envelope(Complaints.routed(ComplaintIds.next(), agency, Instant.now()));
        for (int i = 0; i < 3; i++) {
            TopicWriter.send(step);
        }
        RoutingSteps.awaitServiceFeedsCaughtUp();

        assertThat(feed.after(agency, 0, 10).collectList().block(PATIENCE)).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.eventId()).isEqualTo(step.id());
            assertThat(entry.complaintId()).isEqualTo(step.subject());
            assertThat(CloudEventCodec.decode(entry.cloudEvent().getBytes(StandardCharsets.UTF_8))).isEqualTo(step);
        });
    }

    @Test
    void theAgencysQuestionToTheReporterFollowsItsRoutingStepInItsFeedAndNoOtherAgencysButTheRestOfTheLifecycleDoesNot() {
        String agency = RoutingSteps.freshAgency();
        String other = RoutingSteps.freshAgency();
        EventEnvelope<ComplaintRouted> routed = RoutingSteps.routedTo(agency);
        RoutingSteps.routedTo(other);
        // A question can only follow the routing step that brought the complaint: it comes on another topic.
        RoutingSteps.awaitServiceFeedsCaughtUp();
        String id = routed.subject();
        Instant now = Instant.now();
        EventEnvelope<QuestionAsked> asked = Complaints.envelope(new QuestionAsked(id, agency, "Lajur kiri atau kanan?", now));
        EventEnvelope<QuestionClosed> answered = Complaints.envelope(
                new QuestionClosed(id, agency, QuestionClosed.Reason.ANSWERED, now.plusSeconds(60)));
        TopicWriter.send(Complaints.envelope(new ComplaintFollowedUp(id, agency, "Sedang dicek.", List.of(), now)));
        TopicWriter.send(asked);
        TopicWriter.send(answered);
        TopicWriter.send(asked);
        RoutingSteps.awaitServiceFeedsCaughtUp();

        assertThat(feed.after(agency, 0, 10).map(FeedEntry::type).collectList().block(PATIENCE)).containsExactly(
                "aduan.complaint.routed.v1", "aduan.complaint.question-asked.v1", "aduan.complaint.question-closed.v1");
        assertThat(feed.after(agency, 1, 10).map(FeedEntry::eventId).collectList().block(PATIENCE))
                .containsExactly(asked.id(), answered.id());
        assertThat(feed.after(other, 0, 10).map(FeedEntry::type).collectList().block(PATIENCE))
                .containsExactly("aduan.complaint.routed.v1");
    }

    @Test
    void theWarningAndTheBreachOfAnAgencysFollowUpClockReachThatAgencyAloneAndNoOneElsesClockReachesAnyAgency() {
        String agency = RoutingSteps.freshAgency();
        String previous = RoutingSteps.freshAgency();
        EventEnvelope<ComplaintRouted> routed = RoutingSteps.routedTo(previous);
        String id = routed.subject();
        RoutingSteps.forwarded(id, previous, agency, 1);
        RoutingSteps.awaitServiceFeedsCaughtUp();
        String clock = UUID.randomUUID().toString();
        EventEnvelope<SlaClockWarning> warning = RoutingSteps.warned(id, clock, ClockKind.FOLLOW_UP, agency);
        // The coordinators' clock, the citizen's term (no agency named) and the reporter's window: nobody's feed.
        RoutingSteps.breached(id, UUID.randomUUID().toString(), ClockKind.VERIFICATION, null);
        RoutingSteps.breached(id, UUID.randomUUID().toString(), ClockKind.END_TO_END, null);
        RoutingSteps.warned(id, UUID.randomUUID().toString(), ClockKind.REPORTER_WINDOW, agency);
        EventEnvelope<SlaClockBreached> breach = RoutingSteps.breached(id, clock, ClockKind.FOLLOW_UP, agency);
        // sla may publish an alert twice after a crash, with the same id.
        TopicWriter.send(breach);
        RoutingSteps.awaitServiceFeedsCaughtUp();

        assertThat(feed.after(agency, 0, 10).map(FeedEntry::type).collectList().block(PATIENCE)).containsExactly(
                "aduan.complaint.routed.v1", "aduan.sla.clock-warning.v1", "aduan.sla.clock-breached.v1");
        assertThat(feed.after(agency, 1, 10).map(FeedEntry::eventId).collectList().block(PATIENCE))
                .containsExactly(warning.id(), breach.id());
        assertThat(CloudEventCodec.decode(feed.after(agency, 2, 1).single().block(PATIENCE).cloudEvent()
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(breach);
        // The agency it left heard of the forward, and of nothing after it.
        assertThat(feed.after(previous, 0, 10).map(FeedEntry::type).collectList().block(PATIENCE))
                .containsExactly("aduan.complaint.routed.v1", "aduan.complaint.routed.v1");
    }

    @Test
    void appendsRacingForTheSameAgencyGetEveryNumberOnceAndLeaveNoGap() {
        String agency = RoutingSteps.freshAgency();
        List<EventEnvelope<ComplaintRouted>> steps = IntStream.range(0, 40)
                .mapToObj(i -> Complaints.envelope(Complaints.routed(ComplaintIds.next(), agency, Instant.now()))).toList();

        // Every step appended twice, sixteen appends at a time: as several instances and redeliveries would.
        List<Long> numbers = Flux.fromIterable(steps).concatWith(Flux.fromIterable(steps))
                .flatMap(step -> feed.append(agency, step, new String(CloudEventCodec.encode(step), StandardCharsets.UTF_8)), 16)
                .collectList().block(PATIENCE);

        assertThat(numbers).hasSize(80);
        assertThat(numbers.stream().distinct().sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(feed.after(agency, 0, 100).map(FeedEntry::eventId).collectList().block(PATIENCE))
                .containsExactlyInAnyOrderElementsOf(steps.stream().map(EventEnvelope::id).toList());
        assertThat(feed.head(agency).block(PATIENCE)).isEqualTo(40);
    }
}
