package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A running clock is close to its due instant (by default one working day before it; the reporter
 * window two, as intake's reminder to the reporter), so the party that must act can still act in
 * time. Published at most once per clock.
 *
 * @param agencyCode who must act; null for the national coordinators
 * @param warnedAt when the warning became due (the end of working day N minus the warning days), not when it was sent
 */
@CloudEventType(value = "aduan.sla.clock-warning.v1", topic = Topic.SLA)
public record SlaClockWarning(
        String complaintId,
        String clockId,
        SlaClockStarted.ClockKind kind,
        String agencyCode,
        Instant dueAt,
        Instant warnedAt) implements ComplaintEvent {

    public SlaClockWarning {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(warnedAt, "warnedAt");
    }

    @Override
    public Instant occurredAt() {
        return warnedAt;
    }
}
