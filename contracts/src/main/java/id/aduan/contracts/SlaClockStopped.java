package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A working-day clock stopped: the party it waited for acted, or the clock no longer applies (the
 * complaint was forwarded to another agency, archived or completed).
 *
 * @param clockId the clock, as in {@link SlaClockStarted}
 * @param agencyCode who had to act; null for the national coordinators
 * @param stoppedAt when it stopped: the time of the event that stopped it
 * @param outcome MET when it stopped before its due instant, BREACHED otherwise
 * @param workingDaysUsed working days counted from the start up to and including the stop's local date
 */
@CloudEventType(value = "aduan.sla.clock-stopped.v1", topic = Topic.SLA)
public record SlaClockStopped(
        String complaintId,
        String clockId,
        SlaClockStarted.ClockKind kind,
        String agencyCode,
        Instant stoppedAt,
        Outcome outcome,
        int workingDaysUsed) implements ComplaintEvent {

    public enum Outcome {
        MET,
        BREACHED
    }

    public SlaClockStopped {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (workingDaysUsed < 0) {
            throw new IllegalArgumentException("workingDaysUsed must not be negative");
        }
    }

    @Override
    public Instant occurredAt() {
        return stoppedAt;
    }
}
