package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The reporter answered a deferral; the complaint awaits verification again. The answer itself
 * stays in intake: written by the reporter to the coordinator, it may identify them.
 */
@CloudEventType(value = "aduan.complaint.information-supplied.v1", topic = Topic.COMPLAINTS)
public record InformationSupplied(String complaintId, Instant suppliedAt) implements ComplaintEvent {

    public InformationSupplied {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(suppliedAt, "suppliedAt");
    }

    @Override
    public Instant occurredAt() {
        return suppliedAt;
    }
}
