package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/** The assigned agency considers the complaint handled; the reporter's window to answer opens. */
@CloudEventType(value = "aduan.complaint.marked-complete.v1", topic = Topic.COMPLAINTS)
public record ComplaintMarkedComplete(String complaintId, String agencyCode, Instant markedAt) implements ComplaintEvent {

    public ComplaintMarkedComplete {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(markedAt, "markedAt");
    }

    @Override
    public Instant occurredAt() {
        return markedAt;
    }
}
