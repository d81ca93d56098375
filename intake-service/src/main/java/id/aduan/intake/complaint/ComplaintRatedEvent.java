package id.aduan.intake.complaint;

import java.time.Instant;

/** The reporter rated the completed complaint.
 *
 * @param comment null when none; stays in intake */
public record ComplaintRatedEvent(
        String complaintId, int score, String comment, Instant ratedAt) {
}
