package id.aduan.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A working-day clock started for a complaint.
 *
 * @param clockId stable id of this clock
 * @param agencyCode who must act; null for the national coordinators
 * @param zone the IANA time zone the working days are counted in (the acting party's)
 * @param dueDate the last working day, in that zone
 * @param dueAt the end of {@code dueDate} in that zone: the first instant at which the clock is late
 */
@CloudEventType(value = "aduan.sla.clock-started.v1", topic = Topic.SLA)
public record SlaClockStarted(
        String complaintId,
        String clockId,
        ClockKind kind,
        String agencyCode,
        String zone,
        Instant startedAt,
        int workingDays,
        LocalDate dueDate,
        Instant dueAt) implements ComplaintEvent {

    public enum ClockKind {
        /** Verification and disposition by the national coordinators. */
        VERIFICATION,
        /** Follow-up (tindak lanjut) by the assigned agency. */
        FOLLOW_UP,
        /** The reporter's window to answer a follow-up before the complaint counts as completed. */
        REPORTER_WINDOW,
        /**
         * The citizen's end-to-end term: from the first disposition to the first follow-up by whichever
         * agency holds the complaint then. A forward does not restart it.
         */
        END_TO_END,
        /**
         * The reporter's time to answer the agency's question during follow-up; while it runs, the
         * agency's clocks are paused.
         */
        REPORTER_QUESTION
    }

    public SlaClockStarted {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(dueAt, "dueAt");
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
