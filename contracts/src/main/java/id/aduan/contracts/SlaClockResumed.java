package id.aduan.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A paused clock counts again: its due date moved later by the working days it spent paused
 * (docs/sla.md, "Pause and resume").
 *
 * @param pausedWorkingDays the working days this pause added to the due date
 * @param dueDate the new last working day
 * @param dueAt the end of {@code dueDate} in the clock's zone
 */
@CloudEventType(value = "aduan.sla.clock-resumed.v1", topic = Topic.SLA)
public record SlaClockResumed(
        String complaintId,
        String clockId,
        SlaClockStarted.ClockKind kind,
        String agencyCode,
        Instant resumedAt,
        int pausedWorkingDays,
        LocalDate dueDate,
        Instant dueAt) implements ComplaintEvent {

    public SlaClockResumed {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resumedAt, "resumedAt");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(dueAt, "dueAt");
        if (pausedWorkingDays < 0) {
            throw new IllegalArgumentException("pausedWorkingDays must not be negative");
        }
    }

    @Override
    public Instant occurredAt() {
        return resumedAt;
    }
}
