package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reporter answers the agency's open question.
 *
 * @param reporterSecretHash the hash of the reporter secret the caller presented, or null
 */
public record AnswerQuestion(
        @TargetAggregateIdentifier String complaintId, String answer, Instant answeredAt, String reporterSecretHash) {
}
