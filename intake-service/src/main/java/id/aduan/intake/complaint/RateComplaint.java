package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reporter rates how a completed complaint was handled, once.
 *
 * @param score 1 (poor) to 5 (excellent)
 * @param comment null when none
 * @param reporterSecretHash the hash of the reporter secret the caller presented, or null
 */
public record RateComplaint(
        @TargetAggregateIdentifier String complaintId, int score, String comment, Instant ratedAt, String reporterSecretHash) {
}
