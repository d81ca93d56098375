package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reporter's time to answer the agency's question ran out (sla-service said so).
 *
 * @param askedAt when the expired question was asked: only that question is closed
 */
public record CloseUnansweredQuestion(
        @TargetAggregateIdentifier String complaintId, String clockId, Instant askedAt, Instant expiredAt) {
}
