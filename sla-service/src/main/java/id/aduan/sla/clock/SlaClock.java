package id.aduan.sla.clock;

import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One working-day clock of a complaint, as the rules see it.
 *
 * @param agencyCode who must act; null for the national coordinators
 * @param warnAt when the clock warns (the end of working day N minus the warning days); null for none
 * @param outcome null while the clock runs
 * @param stoppedAt null while the clock runs
 * @param workingDaysUsed counted when the clock stopped; null while it runs
 */
public record SlaClock(
        String id,
        String complaintId,
        ClockKind kind,
        String agencyCode,
        ZoneId zone,
        Instant startedAt,
        int workingDays,
        LocalDate dueDate,
        Instant dueAt,
        Instant warnAt,
        Outcome outcome,
        Instant stoppedAt,
        Integer workingDaysUsed) {

    public boolean running() {
        return outcome == null;
    }

    /** A stop before the due instant meets the deadline; at or after it, the clock was breached. */
    SlaClock stop(Instant at, int used) {
        Outcome reached = at.isBefore(dueAt) ? Outcome.MET : Outcome.BREACHED;
        return new SlaClock(id, complaintId, kind, agencyCode, zone, startedAt, workingDays, dueDate, dueAt, warnAt,
                reached, at, used);
    }
}
