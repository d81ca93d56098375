package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.InformationSupplied;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the order of a complaint's lifecycle (as intake allows it), its clocks stay consistent. */
class ClockRulesProperties {

    private static final String[] AGENCIES = {ClockRulesTest.BANDUNG_ROADS, ClockRulesTest.MAKASSAR_HEALTH, "94.DINSOS"};

    @Property(tries = 300)
    void atMostOneClockOfEachKindRunsOnlyTheWaitingPartysClocksPauseAndEveryStoppedClockHasOneOutcome(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 69) Integer> choices) {
        Set<String> stoppedIds = new HashSet<>();
        ComplaintClocks state = ComplaintClocks.none(ClockRulesTest.ID);
        List<ComplaintEvent> events = lifecycle(choices);
        for (int i = 0; i < events.size(); i++) {
            ClockRules.Change change = ClockRulesTest.RULES.apply(state, "event-" + i, events.get(i));
            state = change.next();
            for (SlaClock stopped : change.stopped()) {
                assertThat(stoppedIds.add(stopped.id())).as("stopped once: %s", stopped.id()).isTrue();
            }
            for (ClockKind kind : ClockKind.values()) {
                assertThat(state.clocks()).filteredOn(c -> c.kind() == kind && c.running()).hasSizeLessThanOrEqualTo(1);
            }
            // Deferred: the coordinators' clock; an agency's question open: the agency's and the citizen's term.
            boolean questionOpen = events.subList(0, i + 1).stream().reduce(false,
                    (open, event) -> event instanceof QuestionAsked || (open && !(event instanceof QuestionClosed)), (a, b) -> b);
            assertThat(state.clocks()).filteredOn(SlaClock::paused).allSatisfy(c -> assertThat(c.kind())
                    .isIn(questionOpen ? List.of(ClockKind.FOLLOW_UP, ClockKind.END_TO_END) : List.of(ClockKind.VERIFICATION)));
            assertThat(state.clocks()).filteredOn(c -> !c.running()).allSatisfy(c -> {
                assertThat(c.stoppedAt()).isNotNull();
                assertThat(c.workingDaysUsed()).isNotNull().isNotNegative();
                assertThat(c.outcome()).isEqualTo(c.stoppedAt().isBefore(c.dueAt()) ? Outcome.MET : Outcome.BREACHED);
            });
        }
    }

    /** Turns choices into a lifecycle intake would accept: each choice picks a step, a later time and an agency. */
    private static List<ComplaintEvent> lifecycle(List<Integer> choices) {
        String id = ClockRulesTest.ID;
        List<ComplaintEvent> events = new ArrayList<>(List.of(ClockRulesTest.submitted()));
        Instant at = ClockRulesTest.SUBMITTED;
        boolean verified = false;
        boolean done = false;
        boolean deferred = false;
        boolean awaitingReporter = false;
        boolean followedUpSince = false;
        boolean asked = false;
        int reopenings = 0;
        String agency = null;
        for (int choice : choices) {
            at = at.plus(Duration.ofHours(choice * 7L + 1));
            String pick = AGENCIES[choice % AGENCIES.length];
            switch (choice % 7) {
                case 0 -> {
                    if (!done && !awaitingReporter) {
                        if (asked && !pick.equals(agency)) {
                            asked = false;
                            events.add(new QuestionClosed(id, agency, QuestionClosed.Reason.REASSIGNED, at));
                        }
                        agency = pick;
                        events.add(ClockRulesTest.assigned(pick, at));
                    }
                }
                case 1 -> {
                    if (!verified && !done && !deferred) {
                        verified = true;
                        events.add(new ComplaintVerified(id, Classification.values()[choice % 4], "INFRA.ROAD", false, false, at));
                    }
                }
                case 2 -> {
                    if (!verified && !done) {
                        done = true;
                        events.add(new ComplaintArchived(id, ComplaintArchived.Reason.DUPLICATE, null, at));
                    }
                }
                case 3 -> {
                    if (verified && agency != null && !done && !awaitingReporter) {
                        followedUpSince = true;
                        events.add(new ComplaintFollowedUp(id, agency, "t", List.of(), at));
                    }
                }
                case 6 -> {
                    if (verified && agency != null && !done && !awaitingReporter) {
                        asked = !asked;
                        events.add(asked ? new QuestionAsked(id, agency, "q", at) : new QuestionClosed(id, agency,
                                choice % 2 == 0 ? QuestionClosed.Reason.ANSWERED : QuestionClosed.Reason.UNANSWERED, at));
                    }
                }
                case 4 -> {
                    if (followedUpSince && !asked && !done && !awaitingReporter) {
                        awaitingReporter = true;
                        events.add(new ComplaintMarkedComplete(id, agency, at));
                    }
                }
                default -> {
                    if (awaitingReporter && reopenings < 2 && choice % 2 == 0) {
                        awaitingReporter = false;
                        followedUpSince = false;
                        events.add(new ComplaintReopened(id, ++reopenings, at));
                    } else if (awaitingReporter) {
                        done = true;
                        awaitingReporter = false;
                        events.add(new ComplaintCompleted(id, ComplaintCompleted.Reason.REPORTER_SATISFIED, at));
                    } else if (!verified && !done) {
                        deferred = !deferred;
                        events.add(deferred ? new ComplaintDeferred(id, "q", at) : new InformationSupplied(id, at));
                    }
                }
            }
        }
        return events;
    }
}
