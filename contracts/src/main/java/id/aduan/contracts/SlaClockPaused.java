package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A running clock stopped counting because the complaint waits for the reporter (deferred,
 * information requested). It is neither warned nor breached while paused.
 *
 * @param agencyCode who must act once it resumes; null for the national coordinators
 */
@CloudEventType(value = "aduan.sla.clock-paused.v1", topic = Topic.SLA)
public record SlaClockPaused(
        String complaintId,
        String clockId,
        SlaClockStarted.ClockKind kind,
        String agencyCode,
        Instant pausedAt) implements ComplaintEvent {

    public SlaClockPaused {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    @Override
    public Instant occurredAt() {
        return pausedAt;
    }
}
