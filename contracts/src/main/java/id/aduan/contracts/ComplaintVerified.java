package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator verified the complaint: classified it, settled its category, region and flags.
 *
 * @param categoryCode the category from now on: the submitted one or the coordinator's correction
 * @param anonymous anonim: the reporter's identity is hidden from the reported party and the public
 * @param confidential rahasia: the complaint itself is not public
 * @param regionCode the region from now on: the submitted location's or the coordinator's correction; null only
 *     in events published before v1 gained it, where the submitted region stands
 * @param verifiedBy the coordinator's account; null in events published before v1 gained it and for imported histories
 */
@CloudEventType(value = "aduan.complaint.verified.v1", topic = Topic.COMPLAINTS)
public record ComplaintVerified(
        String complaintId,
        Classification classification,
        String categoryCode,
        boolean anonymous,
        boolean confidential,
        Instant verifiedAt,
        String regionCode,
        String verifiedBy) implements ComplaintEvent {

    public ComplaintVerified {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    /** A verification as v1 said it before it named the region and the coordinator. */
    public ComplaintVerified(String complaintId, Classification classification, String categoryCode, boolean anonymous,
            boolean confidential, Instant verifiedAt) {
        this(complaintId, classification, categoryCode, anonymous, confidential, verifiedAt, null, null);
    }

    @Override
    public Instant occurredAt() {
        return verifiedAt;
    }
}
