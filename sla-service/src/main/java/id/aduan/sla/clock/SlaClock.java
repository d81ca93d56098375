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
 * @param pausedAt when the clock was paused while the complaint waits for the reporter; null unless paused
 * @param pausedWorkingDays the working days spent paused so far, which the due date was moved by
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
        Instant pausedAt,
        int pausedWorkingDays,
        Outcome outcome,
        Instant stoppedAt,
        Integer workingDaysUsed) {

    /** Not stopped yet: a paused clock is still running in this sense, it just does not count. */
    public boolean running() {
        return outcome == null;
    }

    public boolean paused() {
        return running() && pausedAt != null;
    }

    /** RUNNING, PAUSED, MET or BREACHED: as stored, shown, and swept (the sweep takes RUNNING only). */
    public String state() {
        return !running() ? outcome.name() : paused() ? "PAUSED" : "RUNNING";
    }

    SlaClock pause(Instant at) {
        return new SlaClock(id, complaintId, kind, agencyCode, zone, startedAt, workingDays, dueDate, dueAt, warnAt,
                at, pausedWorkingDays, null, null, null);
    }

    /** Running again, due {@code days} working days later than before the pause. */
    SlaClock resume(int days, LocalDate laterDueDate, Instant laterDueAt, Instant laterWarnAt) {
        return new SlaClock(id, complaintId, kind, agencyCode, zone, startedAt, workingDays, laterDueDate, laterDueAt,
                laterWarnAt, null, pausedWorkingDays + days, null, null, null);
    }

    /** A stop before the due instant meets the deadline; at or after it, the clock was breached. */
    SlaClock stop(Instant at, int used) {
        Outcome reached = at.isBefore(dueAt) ? Outcome.MET : Outcome.BREACHED;
        return new SlaClock(id, complaintId, kind, agencyCode, zone, startedAt, workingDays, dueDate, dueAt, warnAt,
                null, pausedWorkingDays, reached, at, used);
    }
}
