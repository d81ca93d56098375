package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The reporter's window to answer the agency's completion (10 working days) passed: the complaint
 * counts as completed.
 *
 * @param clockId the REPORTER_WINDOW clock that expired (see {@link SlaClockStarted})
 * @param expiredAt the clock's due instant
 */
@CloudEventType(value = "aduan.sla.reporter-window-expired.v1", topic = Topic.SLA)
public record ReporterWindowExpired(String complaintId, String clockId, Instant expiredAt) implements ComplaintEvent {

    public ReporterWindowExpired {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(expiredAt, "expiredAt");
    }

    @Override
    public Instant occurredAt() {
        return expiredAt;
    }
}
