package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock's due instant passed while it was still running: the party that had to act is late.
 * Published at most once per clock; the REPORTER_WINDOW clock publishes {@link ReporterWindowExpired} instead.
 *
 * @param agencyCode who had to act; null for the national coordinators
 * @param dueAt the first late instant, which is also this event's time
 */
@CloudEventType(value = "aduan.sla.clock-breached.v1", topic = Topic.SLA)
public record SlaClockBreached(
        String complaintId,
        String clockId,
        SlaClockStarted.ClockKind kind,
        String agencyCode,
        Instant dueAt) implements ComplaintEvent {

    public SlaClockBreached {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    @Override
    public Instant occurredAt() {
        return dueAt;
    }
}
