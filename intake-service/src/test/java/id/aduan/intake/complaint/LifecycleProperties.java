package id.aduan.intake.complaint;

import static id.aduan.intake.complaint.LifecycleFixtures.DINKES;
import static id.aduan.intake.complaint.LifecycleFixtures.DPUPR;
import static id.aduan.intake.complaint.LifecycleFixtures.ID;
import static id.aduan.intake.complaint.LifecycleFixtures.SECRET_HASH;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintRouted.Destination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Whatever commands arrive, in whatever order, the complaint's history stays a lifecycle: the
 * aggregate refuses what does not fit and records only what does.
 */
class LifecycleProperties {

    @Property(tries = 200)
    void anySequenceOfCommandsLeavesAValidHistory(@ForAll("commands") @Size(max = 25) List<Function<Instant, Object>> steps) {
        AggregateTestFixture<Complaint> fixture = new AggregateTestFixture<>(Complaint.class);
        List<Object> history = new ArrayList<>(List.of(LifecycleFixtures.submitted()));
        Instant now = LifecycleFixtures.T0;
        for (Function<Instant, Object> step : steps) {
            now = now.plusSeconds(60);
            fixture.given(history).when(step.apply(now)).expectEventsMatching(new Recording(history));
        }
        LifecycleValidator.check(history);
    }

    @Provide
    Arbitrary<List<Function<Instant, Object>>> commands() {
        Arbitrary<String> agency = Arbitraries.of(DPUPR, DINKES);
        Arbitrary<Function<Instant, Object>> command = Arbitraries.oneOf(
                Arbitraries.of(Classification.values()).map(c -> at -> new VerifyComplaint(ID, c, null, null, false, false, "coordinator", at)),
                Arbitraries.just(at -> new ArchiveComplaint(ID, ComplaintArchived.Reason.DUPLICATE, null, at)),
                Arbitraries.just(at -> new DeferComplaint(ID, "Di mana?", at)),
                Arbitraries.just(at -> new SupplyInformation(ID, "Di sini.", at, SECRET_HASH)),
                agency.map(a -> at -> new RecordAssignment(ID, Destination.AGENCY, a, at, "Rule explained.", null, null, null)),
                Arbitraries.just(at -> new RecordAssignment(ID, Destination.COORDINATORS_QUEUE, null, at, "Rule explained.", null,
                        null, null)),
                agency.map(a -> at -> new RecordFollowUp(ID, a, "Ditangani.", List.of(), at)),
                agency.map(a -> at -> new MarkComplete(ID, a, at)),
                Arbitraries.of(true, false).map(satisfied -> at -> new AnswerAsReporter(ID, satisfied, null, at, SECRET_HASH)),
                Arbitraries.just(at -> new CompleteAutomatically(ID, "clk", at)),
                Arbitraries.integers().between(1, 5).map(score -> at -> new RateComplaint(ID, score, null, at, SECRET_HASH)));
        return command.list();
    }

    /** Appends what the command recorded to the history; refusals record nothing, which the validator then checks. */
    private static final class Recording extends BaseMatcher<List<? super EventMessage<?>>> {

        private final List<Object> history;

        Recording(List<Object> history) {
            this.history = history;
        }

        @Override
        public boolean matches(Object actual) {
            ((List<?>) actual).forEach(message -> history.add(((EventMessage<?>) message).getPayload()));
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }
    }

    /** The lifecycle's rules, stated over the events alone, independently of the aggregate's code. */
    static final class LifecycleValidator {

        static void check(List<Object> history) {
            assertThat(history.get(0)).isInstanceOf(ComplaintSubmittedEvent.class);
            boolean deferred = false;
            boolean verified = false;
            boolean closed = false;
            boolean awaitingReporter = false;
            boolean completed = false;
            boolean rated = false;
            boolean followedUpSinceReopening = false;
            String assignedAgency = null;
            String lastDecision = null;
            int reopenings = 0;
            for (Object event : history.subList(1, history.size())) {
                String where = "at " + event + " in " + history;
                assertThat(closed && !(event instanceof ComplaintRatedEvent)).as("nothing but a rating after closing " + where).isFalse();
                if (event instanceof ComplaintSubmittedEvent) {
                    throw new AssertionError("submitted twice " + where);
                } else if (event instanceof ComplaintDeferredEvent) {
                    assertThat(verified || deferred).as(where).isFalse();
                    deferred = true;
                } else if (event instanceof InformationSuppliedEvent) {
                    assertThat(deferred).as(where).isTrue();
                    deferred = false;
                } else if (event instanceof ComplaintArchivedEvent) {
                    assertThat(verified).as(where).isFalse();
                    closed = true;
                } else if (event instanceof ComplaintVerifiedEvent) {
                    assertThat(verified || deferred).as(where).isFalse();
                    verified = true;
                } else if (event instanceof ComplaintAssignedEvent e) {
                    String decision = e.destination() + " " + e.agencyCode();
                    assertThat(decision).as("an identical assignment again " + where).isNotEqualTo(lastDecision);
                    lastDecision = decision;
                    assignedAgency = e.agencyCode();
                } else if (event instanceof ComplaintFollowedUpEvent e) {
                    assertThat(verified && !awaitingReporter).as(where).isTrue();
                    assertThat(e.agencyCode()).as("followed up by the assigned agency " + where).isEqualTo(assignedAgency);
                    followedUpSinceReopening = true;
                } else if (event instanceof ComplaintMarkedCompleteEvent e) {
                    assertThat(followedUpSinceReopening && !awaitingReporter).as(where).isTrue();
                    assertThat(e.agencyCode()).as(where).isEqualTo(assignedAgency);
                    awaitingReporter = true;
                } else if (event instanceof ComplaintReopenedEvent e) {
                    assertThat(awaitingReporter).as(where).isTrue();
                    reopenings++;
                    assertThat(reopenings).as(where).isLessThanOrEqualTo(2).isEqualTo(e.reopening());
                    awaitingReporter = false;
                    followedUpSinceReopening = false;
                } else if (event instanceof ComplaintCompletedEvent) {
                    assertThat(awaitingReporter).as(where).isTrue();
                    completed = true;
                    closed = true;
                } else if (event instanceof ComplaintRatedEvent) {
                    assertThat(completed && !rated).as("rated once, after completion " + where).isTrue();
                    rated = true;
                } else {
                    throw new AssertionError("unexpected event " + where);
                }
            }
        }
    }
}
