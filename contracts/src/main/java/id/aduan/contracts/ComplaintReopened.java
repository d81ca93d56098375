package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The reporter was not satisfied with the agency's work: the complaint is in process again. The
 * reporter's comment stays in intake.
 *
 * @param reopening 1 for the first reopening, 2 for the second (the last one allowed)
 */
@CloudEventType(value = "aduan.complaint.reopened.v1", topic = Topic.COMPLAINTS)
public record ComplaintReopened(String complaintId, int reopening, Instant reopenedAt) implements ComplaintEvent {

    public ComplaintReopened {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(reopenedAt, "reopenedAt");
        if (reopening < 1) {
            throw new IllegalArgumentException("reopening counts from 1");
        }
    }

    @Override
    public Instant occurredAt() {
        return reopenedAt;
    }
}
