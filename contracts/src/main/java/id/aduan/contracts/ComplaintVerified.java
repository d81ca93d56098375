package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator verified the complaint: classified it, settled its category and its flags.
 *
 * @param categoryCode the category from now on: the submitted one or the coordinator's correction
 * @param anonymous anonim: the reporter's identity is hidden from the reported party and the public
 * @param confidential rahasia: the complaint itself is not public
 */
@CloudEventType(value = "aduan.complaint.verified.v1", topic = Topic.COMPLAINTS)
public record ComplaintVerified(
        String complaintId,
        Classification classification,
        String categoryCode,
        boolean anonymous,
        boolean confidential,
        Instant verifiedAt) implements ComplaintEvent {

    public ComplaintVerified {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    @Override
    public Instant occurredAt() {
        return verifiedAt;
    }
}
