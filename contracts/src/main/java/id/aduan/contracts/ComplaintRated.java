package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The reporter rated how the completed complaint was handled, once. The comment stays in intake.
 *
 * @param score 1 (poor) to 5 (excellent)
 */
@CloudEventType(value = "aduan.complaint.rated.v1", topic = Topic.COMPLAINTS)
public record ComplaintRated(String complaintId, int score, Instant ratedAt) implements ComplaintEvent {

    public ComplaintRated {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(ratedAt, "ratedAt");
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1 to 5");
        }
    }

    @Override
    public Instant occurredAt() {
        return ratedAt;
    }
}
