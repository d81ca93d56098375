package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The agency holding the complaint asks the reporter a question during follow-up; its clocks wait
 * for the answer.
 *
 * @param agencyCode the agency of the admin or liaison officer asking; only the assigned one may
 * @param unitCode the liaison officer's unit, which must be the one the complaint was handed to; null for the agency admin
 */
public record AskReporter(
        @TargetAggregateIdentifier String complaintId, String agencyCode, String unitCode, String question, Instant askedAt) {
}
