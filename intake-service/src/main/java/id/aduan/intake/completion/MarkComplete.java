package id.aduan.intake.completion;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned agency marks the complaint complete; the reporter may then answer.
 *
 * @param agencyCode the agency of the admin acting; only the assigned one may
 */
public record MarkComplete(@TargetAggregateIdentifier String complaintId, String agencyCode, Instant markedAt) {
}
