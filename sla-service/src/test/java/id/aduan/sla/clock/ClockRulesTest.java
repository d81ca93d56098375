package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.InformationSupplied;
import id.aduan.contracts.Location;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.platform.events.EventIds;
import id.aduan.sla.calendar.CalendarHistory;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.calendar.NonWorkingDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clock rules on the real 2026 calendar, without Spring, Kafka or Mongo. */
class ClockRulesTest {

    static final String ID = "ADU-3F7KQ9M2XD";
    static final String BANDUNG_ROADS = "32.73.DPUPR";
    static final String MAKASSAR_HEALTH = "73.71.DINKES";
    static final SlaSettings SETTINGS = new SlaSettings(3, ZoneId.of("Asia/Jakarta"), Set.of(),
            Map.of(Classification.ASPIRATION, 5, Classification.INFORMATION_REQUEST, 5,
                    Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, 14, Classification.COMPLAINT_SUPERVISORY_WEIGHT, 60),
            10, 10, 1, Map.of(ClockKind.REPORTER_WINDOW, 2), new SlaSettings.Sweep(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(10)), Duration.ofSeconds(10));
    static final ClockRules RULES = rulesWith(List.of());

    /** The rules on the shipped calendar with these changes made to it. */
    static ClockRules rulesWith(List<CalendarHistory.Change> changes) {
        return new ClockRules(new Calendars(CalendarHistory.of(GovernmentCalendar.shipped(Set.of()), changes)), SETTINGS);
    }

    // Monday 2 March 2026, 08:15 in Jakarta.
    static final Instant SUBMITTED = Instant.parse("2026-03-02T01:15:00Z");
    static final Instant VERIFIED = Instant.parse("2026-03-03T02:00:00Z");

    /** Applies events in order, the id of each being its position, and returns every change. */
    static List<ClockRules.Change> replay(ComplaintEvent... events) {
        ComplaintClocks state = ComplaintClocks.none(ID);
        List<ClockRules.Change> changes = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            ClockRules.Change change = RULES.apply(state, "event-" + i, events[i]);
            changes.add(change);
            state = change.next();
        }
        return changes;
    }

    static ComplaintClocks stateAfter(ComplaintEvent... events) {
        List<ClockRules.Change> changes = replay(events);
        return changes.get(changes.size() - 1).next();
    }

    static ComplaintSubmitted submitted() {
        return new ComplaintSubmitted(ID, Channel.WEB, "t", "d", "INFRA.ROAD",
                Location.of("32.73.01"), null, SUBMITTED, SUBMITTED, false, false, null);
    }

    static ComplaintVerified verified(Classification classification) {
        return new ComplaintVerified(ID, classification, "INFRA.ROAD", false, false, VERIFIED);
    }

    static ComplaintAssigned assigned(String agency, Instant at) {
        return new ComplaintAssigned(ID, Destination.AGENCY, agency, at);
    }

    @Test
    void theFollowUpDeadlineDependsOnTheClassification() {
        Map<Classification, Integer> expected = Map.of(Classification.ASPIRATION, 5, Classification.INFORMATION_REQUEST, 5,
                Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, 14, Classification.COMPLAINT_SUPERVISORY_WEIGHT, 60);
        expected.forEach((classification, days) -> assertThat(stateAfter(submitted(),
                assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)), verified(classification))
                .running(ClockKind.FOLLOW_UP).orElseThrow().workingDays()).as("%s", classification).isEqualTo(days));
    }

    @Test
    void theFollowUpClockStartsAtDispositionTheLaterOfVerificationAndAssignment() {
        // Routed on submission, verified the next day: 14 working days from Tuesday 3 March, past Idulfitri.
        SlaClock clock = stateAfter(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT)).running(ClockKind.FOLLOW_UP).orElseThrow();
        assertThat(clock.startedAt()).isEqualTo(VERIFIED);
        assertThat(clock.agencyCode()).isEqualTo(BANDUNG_ROADS);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-30T17:00:00Z"));
        assertThat(clock.warnAt()).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));

        Instant assignedLater = Instant.parse("2026-03-04T03:00:00Z");
        assertThat(stateAfter(submitted(), verified(Classification.ASPIRATION), assigned(BANDUNG_ROADS, assignedLater))
                .running(ClockKind.FOLLOW_UP).orElseThrow().startedAt()).isEqualTo(assignedLater);
    }

    @Test
    void aComplaintTypedInLateHasItsVerificationClockStartedWhenTheCitizenComplained() {
        // Sent on WhatsApp on Friday 13 February 2026, 10:00 in Jakarta; typed in on Monday 2 March.
        Instant received = Instant.parse("2026-02-13T03:00:00Z");
        ComplaintSubmitted typedIn = new ComplaintSubmitted(ID, Channel.WHATSAPP, "t", "d", "INFRA.ROAD",
                Location.of("32.73.01"), null, received, SUBMITTED, false, false, null);

        SlaClock clock = stateAfter(typedIn).running(ClockKind.VERIFICATION).orElseThrow();

        // 16 February (cuti bersama) and 17 (Imlek) do not count: the days are 18, 19 and 20 February.
        assertThat(clock.startedAt()).isEqualTo(received);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2026-02-20"));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-02-20T17:00:00Z"));
    }

    @Test
    void verificationStopsTheCoordinatorsClock() {
        ClockRules.Change change = replay(submitted(), verified(Classification.ASPIRATION)).get(1);
        assertThat(change.stopped()).singleElement().satisfies(clock -> {
            assertThat(clock.kind()).isEqualTo(ClockKind.VERIFICATION);
            assertThat(clock.outcome()).isEqualTo(Outcome.MET);
            assertThat(clock.workingDaysUsed()).isEqualTo(1);
        });
        assertThat(change.started()).isEmpty();
    }

    @Test
    void anAgencyOfAProvinceTheReferenceDataDoesNotListGetsItsClockInWib() {
        // Newer reference data than this service's may name a province it does not know: the clock still starts.
        SlaClock clock = stateAfter(submitted(), assigned("99.DINKES", SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION)).running(ClockKind.FOLLOW_UP).orElseThrow();
        assertThat(clock.agencyCode()).isEqualTo("99.DINKES");
        assertThat(clock.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    }

    @Test
    void aForwardStopsTheOldAgencysClockAndStartsOneInTheNewAgencysZone() {
        Instant forwardedAt = Instant.parse("2026-03-05T03:00:00Z");
        ClockRules.Change forward = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.INFORMATION_REQUEST), assigned(MAKASSAR_HEALTH, forwardedAt)).get(3);
        assertThat(forward.stopped()).singleElement().satisfies(old -> {
            assertThat(old.agencyCode()).isEqualTo(BANDUNG_ROADS);
            assertThat(old.stoppedAt()).isEqualTo(forwardedAt);
        });
        assertThat(forward.started()).singleElement().satisfies(fresh -> {
            assertThat(fresh.agencyCode()).isEqualTo(MAKASSAR_HEALTH);
            assertThat(fresh.zone()).isEqualTo(ZoneId.of("Asia/Makassar"));
            assertThat(fresh.startedAt()).isEqualTo(forwardedAt);
            assertThat(fresh.workingDays()).isEqualTo(5);
        });
        assertThat(forward.next().clocks()).filteredOn(SlaClock::running).extracting(SlaClock::kind)
                .containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
    }

    @Test
    void theCitizensEndToEndTermKeepsRunningThroughAForwardAndEndsAtTheNewAgencysFirstFollowUp() {
        Instant forwardedAt = Instant.parse("2026-03-05T03:00:00Z");
        Instant followedUpAt = Instant.parse("2026-03-09T03:00:00Z");
        List<ClockRules.Change> changes = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.INFORMATION_REQUEST), assigned(MAKASSAR_HEALTH, forwardedAt),
                new ComplaintFollowedUp(ID, MAKASSAR_HEALTH, "done", List.of(), followedUpAt));
        SlaClock term = changes.get(2).started().stream().filter(clock -> clock.kind() == ClockKind.END_TO_END)
                .findFirst().orElseThrow();
        // Counted for the citizen from disposition (Tuesday 3 March) in Bandung's zone: due Tuesday 10 March.
        assertThat(term.agencyCode()).isNull();
        assertThat(term.startedAt()).isEqualTo(VERIFIED);
        assertThat(term.workingDays()).isEqualTo(5);
        assertThat(term.dueDate()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(changes.get(3).stopped()).extracting(SlaClock::kind).containsExactly(ClockKind.FOLLOW_UP);
        assertThat(changes.get(3).started()).extracting(SlaClock::kind).containsExactly(ClockKind.FOLLOW_UP);
        assertThat(changes.get(4).stopped()).extracting(SlaClock::kind)
                .containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
        assertThat(changes.get(4).stopped()).filteredOn(clock -> clock.kind() == ClockKind.END_TO_END).singleElement()
                .satisfies(stopped -> {
                    assertThat(stopped.id()).isEqualTo(term.id());
                    assertThat(stopped.outcome()).isEqualTo(Outcome.MET);
                    assertThat(stopped.workingDaysUsed()).isEqualTo(4);
                });
    }

    @Test
    void aCalendarChangeCountsForClocksStartedAfterItWhileEarlierClocksKeepTheirDueDates() {
        // The decree moves a holiday onto Wednesday 4 March 2026, made on Monday 2 March at 09:00 in Jakarta.
        CalendarHistory.Change moved = new CalendarHistory.Change("decree", Instant.parse("2026-03-02T02:00:00Z"),
                List.of(new NonWorkingDay(LocalDate.parse("2026-03-04"), NonWorkingDay.Kind.HOLIDAY, "Moved holiday")),
                List.of());
        ClockRules changed = rulesWith(List.of(moved));
        // Submitted at 08:15, before the change: due Thursday 5 March as before.
        SlaClock before = changed.apply(ComplaintClocks.none(ID), "e", submitted()).started().get(0);
        assertThat(before.dueDate()).isEqualTo(LocalDate.parse("2026-03-05"));
        // Submitted at 10:00, after it: Wednesday no longer counts, due Friday 6 March.
        Instant later = Instant.parse("2026-03-02T03:00:00Z");
        SlaClock after = changed.apply(ComplaintClocks.none(ID), "e", new ComplaintSubmitted(ID, Channel.WEB, "t", "d",
                "INFRA.ROAD", Location.of("32.73.01"), null, later, later, false, false, null)).started().get(0);
        assertThat(after.dueDate()).isEqualTo(LocalDate.parse("2026-03-06"));
        // Its progress counts on the same calendar: by Thursday 5 March, Tuesday and Thursday are used.
        assertThat(changed.progress(after, Instant.parse("2026-03-05T02:00:00Z"))).isEqualTo(new ClockRules.Progress(2, 1));
    }

    @Test
    void aFollowUpExactlyAtTheDueInstantIsBreachedAndOneNanosecondBeforeIsMet() {
        ComplaintClocks disposed = stateAfter(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION));
        Instant dueAt = disposed.running(ClockKind.FOLLOW_UP).orElseThrow().dueAt();
        assertThat(followUpAt(disposed, dueAt.minusNanos(1)).outcome()).isEqualTo(Outcome.MET);
        assertThat(followUpAt(disposed, dueAt).outcome()).isEqualTo(Outcome.BREACHED);
    }

    @Test
    void aFollowUpByAnotherAgencyDoesNotStopTheClock() {
        ComplaintClocks disposed = stateAfter(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION));
        ClockRules.Change change = RULES.apply(disposed, "x", new ComplaintFollowedUp(ID, MAKASSAR_HEALTH, "t", List.of(), VERIFIED));
        assertThat(change.stopped()).isEmpty();
    }

    @Test
    void aDeferralPausesTheVerificationClockAndTheAnswerMovesItsDueDate() {
        // Due Thursday 5 March; deferred Monday 2 March, answered Wednesday 4 March: Tuesday and
        // Wednesday were spent waiting, so due two working days later, Monday 9 March.
        List<ClockRules.Change> changes = replay(submitted(),
                new ComplaintDeferred(ID, "Which street?", Instant.parse("2026-03-02T03:00:00Z")),
                new InformationSupplied(ID, Instant.parse("2026-03-04T02:00:00Z")));
        SlaClock started = changes.get(0).started().get(0);
        assertThat(started.dueAt()).isEqualTo(Instant.parse("2026-03-05T17:00:00Z"));
        assertThat(changes.get(1).paused()).singleElement().satisfies(paused -> {
            assertThat(paused.state()).isEqualTo("PAUSED");
            assertThat(paused.dueAt()).isEqualTo(started.dueAt());
        });
        assertThat(changes.get(2).resumed()).singleElement().satisfies(resumed -> {
            assertThat(resumed.id()).isEqualTo(started.id());
            assertThat(resumed.state()).isEqualTo("RUNNING");
            assertThat(resumed.pausedWorkingDays()).isEqualTo(2);
            assertThat(resumed.dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
            assertThat(resumed.dueAt()).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
            assertThat(resumed.warnAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
            // Only Monday 2 March counts as used: Tuesday and Wednesday were paused.
            assertThat(RULES.progress(resumed, Instant.parse("2026-03-05T02:00:00Z")))
                    .isEqualTo(new ClockRules.Progress(1, 2));
        });
        assertThat(changes.stream().skip(1)).allSatisfy(change -> {
            assertThat(change.started()).isEmpty();
            assertThat(change.stopped()).isEmpty();
        });
    }

    @Test
    void anAgencysQuestionPausesItsClockAndTheCitizensTermOverIdulfitriAndTheAnswerMovesTheirDueDates() {
        // 14 working days from Tuesday 3 March: due Monday 30 March. Asked on Monday 16 March at 10:00 WIB,
        // answered on Friday 27 March at 09:00 WIB: of the days after 16 March only 17, 25, 26 and 27 March are
        // working days (18 to 24 are Nyepi, Idulfitri, cuti bersama and a weekend), so 4 working days were paused
        // and both are due 4 working days after 30 March: 31 March, 1 and 2 April, (Good Friday), Monday 6 April.
        Instant askedAt = Instant.parse("2026-03-16T03:00:00Z");
        Instant answeredAt = Instant.parse("2026-03-27T02:00:00Z");
        List<ClockRules.Change> changes = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT),
                new QuestionAsked(ID, BANDUNG_ROADS, "Lajur kiri atau kanan?", askedAt),
                new QuestionClosed(ID, BANDUNG_ROADS, QuestionClosed.Reason.ANSWERED, answeredAt));

        ClockRules.Change asked = changes.get(3);
        assertThat(asked.paused()).extracting(SlaClock::kind).containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
        assertThat(asked.paused()).allSatisfy(paused -> assertThat(paused.dueDate()).isEqualTo(LocalDate.parse("2026-03-30")));
        // The reporter has 10 working days: 17, 25, 26, 27, 30, 31 March, 1, 2, 6 and 7 April.
        assertThat(asked.started()).singleElement().satisfies(question -> {
            assertThat(question.kind()).isEqualTo(ClockKind.REPORTER_QUESTION);
            assertThat(question.agencyCode()).isEqualTo(BANDUNG_ROADS);
            assertThat(question.dueDate()).isEqualTo(LocalDate.parse("2026-04-07"));
            assertThat(question.dueAt()).isEqualTo(Instant.parse("2026-04-07T17:00:00Z"));
        });

        ClockRules.Change answered = changes.get(4);
        assertThat(answered.stopped()).singleElement().satisfies(question -> {
            assertThat(question.kind()).isEqualTo(ClockKind.REPORTER_QUESTION);
            assertThat(question.outcome()).isEqualTo(Outcome.MET);
            assertThat(question.workingDaysUsed()).isEqualTo(4);
        });
        assertThat(answered.resumed()).extracting(SlaClock::kind).containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
        assertThat(answered.resumed()).allSatisfy(resumed -> {
            assertThat(resumed.pausedWorkingDays()).isEqualTo(4);
            assertThat(resumed.dueDate()).isEqualTo(LocalDate.parse("2026-04-06"));
            assertThat(resumed.dueAt()).isEqualTo(Instant.parse("2026-04-06T17:00:00Z"));
            assertThat(resumed.warnAt()).isEqualTo(Instant.parse("2026-04-02T17:00:00Z"));
            // Used by 27 March: the 13 working days from 4 March less the 4 paused; 30, 31 March, 1, 2 and 6 April left.
            assertThat(RULES.progress(resumed, answeredAt)).isEqualTo(new ClockRules.Progress(9, 5));
        });
    }

    @Test
    void aQuestionLeftUnansweredResumesTheAgencysClockAtTheEndOfTheReportersTime() {
        Instant askedAt = Instant.parse("2026-03-16T03:00:00Z");
        ComplaintClocks waiting = stateAfter(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT),
                new QuestionAsked(ID, BANDUNG_ROADS, "Lajur kiri atau kanan?", askedAt));
        Instant expiredAt = waiting.running(ClockKind.REPORTER_QUESTION).orElseThrow().dueAt();

        ClockRules.Change lapsed = RULES.apply(waiting, "lapsed",
                new QuestionClosed(ID, BANDUNG_ROADS, QuestionClosed.Reason.UNANSWERED, expiredAt));

        // Ran out: the reporter's clock ends BREACHED (no one is late); the agency's counts again from Wednesday 8 April,
        // the first day after the reporter's time, which like every resume's own day counts as paused: 11 working days.
        assertThat(lapsed.stopped()).singleElement().satisfies(question -> assertThat(question.outcome()).isEqualTo(Outcome.BREACHED));
        assertThat(lapsed.resumed()).filteredOn(clock -> clock.kind() == ClockKind.FOLLOW_UP).singleElement().satisfies(resumed -> {
            assertThat(resumed.pausedWorkingDays()).isEqualTo(11);
            assertThat(resumed.dueDate()).isEqualTo(LocalDate.parse("2026-04-15"));
        });
    }

    @Test
    void aPausedClockPastItsOriginalDueAtIsNotBreached() {
        ComplaintClocks waiting = stateAfter(submitted(),
                new ComplaintDeferred(ID, "Which street?", Instant.parse("2026-03-02T03:00:00Z")));
        Instant pastOriginalDue = Instant.parse("2026-03-06T02:00:00Z");
        SlaClock paused = waiting.running(ClockKind.VERIFICATION).orElseThrow();
        assertThat(paused.dueAt()).isBefore(pastOriginalDue);
        assertThat(paused.state()).isEqualTo("PAUSED"); // the sweep claims RUNNING clocks only
        assertThat(RULES.progress(paused, pastOriginalDue)).isEqualTo(new ClockRules.Progress(0, 3));

        // Archived while still waiting: the four working days paused count for the clock, so it is met.
        SlaClock archived = RULES.apply(waiting, "archive",
                new ComplaintArchived(ID, ComplaintArchived.Reason.DUPLICATE, null, pastOriginalDue)).stopped().get(0);
        assertThat(archived.outcome()).isEqualTo(Outcome.MET);
        assertThat(archived.dueDate()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(archived.workingDaysUsed()).isZero();
    }

    @Test
    void aReopeningStartsANewFollowUpClockForTheAssignedAgency() {
        Instant reopenedAt = Instant.parse("2026-03-06T01:00:00Z");
        ClockRules.Change reopening = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION),
                new ComplaintFollowedUp(ID, BANDUNG_ROADS, "done", List.of(), Instant.parse("2026-03-05T04:00:00Z")),
                new ComplaintMarkedComplete(ID, BANDUNG_ROADS, Instant.parse("2026-03-05T04:05:00Z")),
                new ComplaintReopened(ID, 1, reopenedAt)).get(5);
        assertThat(reopening.started()).singleElement().satisfies(followUp -> {
            assertThat(followUp.id()).isEqualTo(EventIds.derived("event-5", "follow-up-clock"));
            assertThat(followUp.kind()).isEqualTo(ClockKind.FOLLOW_UP);
            assertThat(followUp.agencyCode()).isEqualTo(BANDUNG_ROADS);
            assertThat(followUp.startedAt()).isEqualTo(reopenedAt);
            assertThat(followUp.workingDays()).isEqualTo(5);
            assertThat(followUp.dueDate()).isEqualTo(LocalDate.parse("2026-03-13"));
        });
    }

    @Test
    void theReporterWindowStopsWhenTheReporterReopens() {
        Instant marked = Instant.parse("2026-03-05T04:05:00Z");
        List<ClockRules.Change> changes = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION),
                new ComplaintFollowedUp(ID, BANDUNG_ROADS, "done", List.of(), Instant.parse("2026-03-05T04:00:00Z")),
                new ComplaintMarkedComplete(ID, BANDUNG_ROADS, marked),
                new ComplaintReopened(ID, 1, Instant.parse("2026-03-06T01:00:00Z")));
        SlaClock window = changes.get(4).started().get(0);
        assertThat(window.kind()).isEqualTo(ClockKind.REPORTER_WINDOW);
        assertThat(window.workingDays()).isEqualTo(10);
        assertThat(changes.get(5).stopped()).singleElement().satisfies(stopped -> {
            assertThat(stopped.id()).isEqualTo(window.id());
            assertThat(stopped.outcome()).isEqualTo(Outcome.MET);
        });
        assertThat(changes.get(5).next().clocks()).filteredOn(SlaClock::running).extracting(SlaClock::kind)
                .containsExactly(ClockKind.FOLLOW_UP);
    }

    /** Its warning is the reporter's reminder, two working days ahead (aduan.sla.warning-working-days-by-kind). */
    @Test
    void theReporterWindowWarnsTwoWorkingDaysBeforeItCloses() {
        SlaClock window = replay(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION),
                new ComplaintFollowedUp(ID, BANDUNG_ROADS, "done", List.of(), Instant.parse("2026-03-05T04:00:00Z")),
                new ComplaintMarkedComplete(ID, BANDUNG_ROADS, Instant.parse("2026-03-05T04:05:00Z"))).get(4).started().get(0);
        assertThat(window.kind()).isEqualTo(ClockKind.REPORTER_WINDOW);
        // Ten working days from Thursday 5 March, over Nyepi and Idulfitri (18-24 March): due at the end of 26 March;
        // its two last working days are 25 and 26 March, so it warns at the end of 17 March.
        assertThat(window.dueDate()).isEqualTo(LocalDate.parse("2026-03-26"));
        assertThat(window.warnAt()).isEqualTo(Instant.parse("2026-03-17T17:00:00Z"));
    }

    @Test
    void completionStopsTheReporterWindow() {
        ComplaintClocks done = stateAfter(submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)),
                verified(Classification.ASPIRATION),
                new ComplaintFollowedUp(ID, BANDUNG_ROADS, "done", List.of(), Instant.parse("2026-03-05T04:00:00Z")),
                new ComplaintMarkedComplete(ID, BANDUNG_ROADS, Instant.parse("2026-03-05T04:05:00Z")),
                new ComplaintCompleted(ID, ComplaintCompleted.Reason.REPORTER_SATISFIED, Instant.parse("2026-03-06T01:00:00Z")));
        assertThat(done.clocks()).extracting(SlaClock::kind).containsExactlyInAnyOrder(ClockKind.VERIFICATION,
                ClockKind.FOLLOW_UP, ClockKind.END_TO_END, ClockKind.REPORTER_WINDOW);
        assertThat(done.clocks()).noneMatch(SlaClock::running);
    }

    @Test
    void theSameEventsGiveTheSameClocks() {
        ComplaintEvent[] events = {submitted(), assigned(BANDUNG_ROADS, SUBMITTED.plusSeconds(5)), verified(Classification.ASPIRATION)};
        assertThat(stateAfter(events)).isEqualTo(stateAfter(events));
    }

    private static SlaClock followUpAt(ComplaintClocks disposed, Instant at) {
        return RULES.apply(disposed, "follow-up", new ComplaintFollowedUp(ID, BANDUNG_ROADS, "t", List.of(), at)).stopped().get(0);
    }
}
