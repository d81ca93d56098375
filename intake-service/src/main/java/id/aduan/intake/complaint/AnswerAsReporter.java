package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reporter answers the agency's completion: satisfied completes the complaint, not satisfied
 * reopens it (at most twice).
 *
 * @param comment null when none
 * @param reporterSecretHash the hash of the reporter secret the caller presented, or null
 */
public record AnswerAsReporter(
        @TargetAggregateIdentifier String complaintId, boolean satisfied, String comment, Instant answeredAt,
        String reporterSecretHash) {
}
