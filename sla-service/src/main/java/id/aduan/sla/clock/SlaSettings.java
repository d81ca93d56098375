package id.aduan.sla.clock;

import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines are configuration, not code: the national guideline (PermenPANRB 5/2025) may change them.
 *
 * @param verificationWorkingDays how long the national coordinators have to verify and dispose
 * @param coordinatorsZone the zone the national coordinators' working days are counted in
 * @param agenciesWorkingThroughCutiBersama agencies (units serving the public directly) whose
 *        clocks count collective-leave days as working days
 * @param followUpWorkingDays how long the assigned agency has to follow up, by classification
 * @param reporterWindowWorkingDays how long the reporter has to answer the agency's completion
 * @param reporterQuestionWorkingDays how long the reporter has to answer the agency's question during
 *        follow-up before the question lapses and the agency's clocks count again
 * @param warningWorkingDays how many working days before the due date a running clock warns
 * @param warningWorkingDaysByKind the same for the clock kinds that differ, e.g. the reporter
 *        window, whose warning reminds the reporter (intake notifies them) two working days ahead
 * @param sweep how often warnings and breaches are looked for, and how long a claim on one lasts
 * @param calendarRefresh how often an instance takes up calendar changes made through another
 */
@ConfigurationProperties("aduan.sla")
public record SlaSettings(
        int verificationWorkingDays,
        ZoneId coordinatorsZone,
        @DefaultValue Set<String> agenciesWorkingThroughCutiBersama,
        Map<Classification, Integer> followUpWorkingDays,
        int reporterWindowWorkingDays,
        @DefaultValue("10") int reporterQuestionWorkingDays,
        @DefaultValue("1") int warningWorkingDays,
        @DefaultValue Map<ClockKind, Integer> warningWorkingDaysByKind,
        @DefaultValue Sweep sweep,
        @DefaultValue("10s") Duration calendarRefresh) {

    /** How many working days before the due date a running clock of this kind warns. */
    public int warningWorkingDays(ClockKind kind) {
        return warningWorkingDaysByKind.getOrDefault(kind, warningWorkingDays);
    }

    /**
     * @param lease how long a sweeper may take to publish an alert it claimed before another takes it
     *        over; longer than a publish ever takes (the producer gives up after 30 s)
     * @param settle how long a deadline already past when its clock was stored waits before it fires: a service
     *        catching up on events applies the complaint's next ones (a deferral that paused the clock, say) first
     */
    public record Sweep(@DefaultValue("5s") Duration interval, @DefaultValue("1m") Duration lease,
            @DefaultValue("10s") Duration settle) {
    }
}
