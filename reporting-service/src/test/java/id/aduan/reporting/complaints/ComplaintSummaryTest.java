package id.aduan.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.History;
import id.aduan.reporting.complaints.ComplaintSummary.AgencyShare;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one complaint contributes to each figure (docs/metrics.md), example by example. */
class ComplaintSummaryTest {

    private static final String ID = "ADU-3F7KQ9M2XD";
    /** Monday 3 March 2025, 09:00 WIB. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T02:00:00Z");
    private static final String PUPR = "32.73.DPUPR";
    private static final String DISDIK = "32.73.DISDIK";

    @Test
    void aComplaintFollowedUpAndCompletedCountsEverywhereItShould() {
        History history = History.submitted(ID, Channel.SMS, "INFRA.ROAD", "32.73.01", MONDAY)
                .routedTo(PUPR, MONDAY.plusSeconds(60))
                .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, MONDAY.plusSeconds(3600), 0, Outcome.MET)
                .followedUp(days(MONDAY, 4), 4, Outcome.MET)
                .completed(days(MONDAY, 5), days(MONDAY, 6))
                .rated(4, days(MONDAY, 7));

        ComplaintSummary summary = summary(history.events());

        assertThat(summary.counted()).isTrue();
        assertThat(summary.submittedOn()).isEqualTo(LocalDate.parse("2025-03-03"));
        assertThat(summary.region().district()).isEqualTo("32.73.01");
        assertThat(summary.agency()).isEqualTo(PUPR);
        assertThat(summary.national()).isEqualTo(tally(1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 4, 1, 0, 1, 6 * 86_400, 1, 2, 2, 1, 4));
        assertThat(summary.agencies()).singleElement().satisfies(share -> {
            assertThat(share.agency().code()).isEqualTo(PUPR);
            assertThat(share.tally()).isEqualTo(tally(1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 4, 1, 0, 1, 6 * 86_400, 1, 1, 1, 1, 4));
        });
    }

    @Test
    void aLetterTypedInLateIsCountedWhenEnteredButItsAgeRunsFromWhenTheCitizenWrote() {
        Instant written = days(MONDAY, -10);
        History history = History.typedIn(ID, Channel.LETTER, "INFRA.ROAD", "32.73.01", written, MONDAY)
                .routedTo(PUPR, MONDAY.plusSeconds(60))
                .verified(Classification.ASPIRATION, MONDAY.plusSeconds(3600), 6, Outcome.BREACHED)
                .followedUp(days(MONDAY, 4), 4, Outcome.MET)
                .completed(days(MONDAY, 5), days(MONDAY, 6));

        ComplaintSummary summary = summary(history.events());

        assertThat(summary.submittedOn()).isEqualTo(LocalDate.parse("2025-03-03"));
        assertThat(summary.national().completionSeconds()).isEqualTo(16 * 86_400);
        assertThat(summary.national().completionsMeasured()).isEqualTo(1);
    }

    @Test
    void aForwardCountsOutForTheFirstAgencyAndTheFollowUpTimeOnlyForTheSecond() {
        History history = History.submitted(ID, Channel.WEB, "EDU.SCHOOL", "32.73.01", MONDAY)
                .routedTo(PUPR, MONDAY.plusSeconds(60))
                .verified(Classification.INFORMATION_REQUEST, MONDAY.plusSeconds(3600), 0, Outcome.MET)
                .routedTo(DISDIK, days(MONDAY, 1))
                .followedUp(days(MONDAY, 3), 2, Outcome.MET);

        ComplaintSummary summary = summary(history.events());

        assertThat(summary.agency()).isEqualTo(DISDIK);
        AgencyShare pupr = share(summary, PUPR);
        AgencyShare disdik = share(summary, DISDIK);
        assertThat(pupr.tally().received()).isEqualTo(1);
        assertThat(pupr.tally().forwardedOut()).isEqualTo(1);
        assertThat(pupr.tally().verified()).as("no longer its complaint").isZero();
        assertThat(pupr.tally().followUpsMeasured()).as("stopped by the forward, not a follow-up").isZero();
        assertThat(pupr.tally().clocksStopped()).isEqualTo(1);
        assertThat(disdik.tally().forwardedOut()).isZero();
        assertThat(disdik.tally().verified()).isEqualTo(1);
        assertThat(disdik.tally().inProcess()).isEqualTo(1);
        assertThat(disdik.tally().followUpWorkingDays()).isEqualTo(2);
        assertThat(disdik.tally().followUpsMeasured()).isEqualTo(1);
        assertThat(summary.national().forwardedOut()).isEqualTo(1);
        assertThat(summary.national().followUpsMeasured()).isEqualTo(1);
    }

    @Test
    void aBreachedClockIsOverdueUntilItStopsAndNotWhilePaused() {
        History history = History.submitted(ID, Channel.WEB, "INFRA.ROAD", "32.73.01", MONDAY)
                .routedTo(PUPR, MONDAY.plusSeconds(60))
                .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, MONDAY.plusSeconds(3600), 0, Outcome.MET)
                .followUpBreached();
        ComplaintSummary overdue = summary(history.events());
        assertThat(overdue.national().overdue()).isEqualTo(1);
        assertThat(share(overdue, PUPR).tally().overdue()).isEqualTo(1);
        assertThat(overdue.overdue()).singleElement().satisfies(clock -> assertThat(clock.agencyCode()).isEqualTo(PUPR));

        String clockId = overdue.overdue().get(0).clockId();
        List<AduanEvent> paused = new ArrayList<>(history.events());
        paused.add(new SlaClockPaused(ID, clockId, ClockKind.FOLLOW_UP, PUPR, days(MONDAY, 30)));
        assertThat(summary(paused).national().overdue()).isZero();

        ComplaintSummary late = summary(history.followedUp(days(MONDAY, 31), 20, Outcome.BREACHED).events());
        assertThat(late.national().overdue()).isZero();
        assertThat(share(late, PUPR).tally().clocksStopped()).isEqualTo(1);
        assertThat(share(late, PUPR).tally().clocksMet()).isZero();
    }

    @Test
    void theFollowUpClockOfAReopeningIsNotADispositionToFirstFollowUp() {
        History history = History.submitted(ID, Channel.WEB, "INFRA.ROAD", "32.73.01", MONDAY)
                .routedTo(PUPR, MONDAY.plusSeconds(60))
                .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, MONDAY.plusSeconds(3600), 0, Outcome.MET)
                .followedUp(days(MONDAY, 2), 2, Outcome.MET);
        List<AduanEvent> events = new ArrayList<>(history.events());
        Instant reopened = days(MONDAY, 10);
        events.add(new ComplaintReopened(ID, 1, reopened));
        events.add(new SlaClockStarted(ID, "reopened-clock", ClockKind.FOLLOW_UP, PUPR, "Asia/Jakarta", reopened, 14,
                LocalDate.parse("2025-04-01"), Instant.parse("2025-03-31T17:00:00Z")));
        Instant again = days(MONDAY, 12);
        events.add(new ComplaintFollowedUp(ID, PUPR, "Sudah diperbaiki lagi.", List.of(), again));
        events.add(new SlaClockStopped(ID, "reopened-clock", ClockKind.FOLLOW_UP, PUPR, again, Outcome.MET, 2));

        Tally tally = share(summary(events), PUPR).tally();
        assertThat(tally.followUpsMeasured()).isEqualTo(1);
        assertThat(tally.followUpWorkingDays()).isEqualTo(2);
        assertThat(tally.clocksStopped()).as("both clocks count for compliance").isEqualTo(2);
    }

    @Test
    void eventsBeforeTheSubmissionAreKeptButNotCounted() {
        History history = History.submitted(ID, Channel.WEB, "INFRA.ROAD", "32.73.01", MONDAY).routedTo(PUPR, MONDAY);
        ComplaintSummary summary = summary(history.events().subList(1, history.events().size()));

        assertThat(summary.counted()).isFalse();
        assertThat(summary.national()).isEqualTo(Tally.ZERO);
        assertThat(summary.agencies()).isEmpty();
        assertThat(summary.agency()).isEqualTo(PUPR);
    }

    @Test
    void theVerifiedCategoryReplacesTheSubmittedOneAndDaysCountInTheProvincesZone() {
        Instant lateEvening = Instant.parse("2025-12-31T15:30:00Z"); // 22:30 WIB, 23:30 WITA, 00:30 WIT the next day
        for (String region : List.of("32.73.01", "73.71", "91")) {
            List<AduanEvent> events = new ArrayList<>(History.submitted(ID, Channel.WEB, "INFRA", region, lateEvening).events());
            events.add(new ComplaintVerified(ID, Classification.ASPIRATION, "INFRA.ROAD", false, false, lateEvening.plusSeconds(60)));
            ComplaintSummary summary = summary(events);
            assertThat(summary.category()).isEqualTo("INFRA.ROAD");
            assertThat(summary.classification()).isEqualTo(Classification.ASPIRATION);
            assertThat(summary.submittedOn()).as(region)
                    .isEqualTo(region.equals("91") ? LocalDate.parse("2026-01-01") : LocalDate.parse("2025-12-31"));
        }
    }

    private static ComplaintSummary summary(List<AduanEvent> events) {
        return ComplaintSummary.of(ComplaintReadModel.fold(ComplaintFacts.none(ID), events), IndonesianRegions.shipped());
    }

    private static AgencyShare share(ComplaintSummary summary, String agency) {
        return summary.agencies().stream().filter(share -> share.agency().code().equals(agency)).findFirst().orElseThrow();
    }

    private static Instant days(Instant from, int days) {
        return from.plusSeconds(days * 86_400L);
    }

    private static Tally tally(long... values) {
        return Tally.of(values);
    }
}
