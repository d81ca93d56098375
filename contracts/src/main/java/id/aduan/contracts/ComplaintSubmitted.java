package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint was accepted by intake, from any channel. Carries no reporter identity: only an
 * opaque reference that intake alone can resolve.
 *
 * @param addressedAgencyCode the agency the reporter addressed, or null; routing decides the competent one
 * @param receivedAt when the channel received it (for manual entry, the original time)
 * @param submittedAt when Aduan recorded it
 * @param anonymous anonim: the reporter's identity is hidden from the reported party and the public
 * @param confidential rahasia: the complaint itself is not public
 * @param reporterRef opaque reference to the reporter kept by intake, or null when none was given
 */
@CloudEventType(value = "aduan.complaint.submitted.v1", topic = Topic.COMPLAINTS)
public record ComplaintSubmitted(
        String complaintId,
        Channel channel,
        String title,
        String description,
        String categoryCode,
        Location location,
        String addressedAgencyCode,
        Instant receivedAt,
        Instant submittedAt,
        boolean anonymous,
        boolean confidential,
        String reporterRef) implements ComplaintEvent {

    public ComplaintSubmitted {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public Instant occurredAt() {
        return submittedAt;
    }
}
