package id.aduan.intake.verify;

import id.aduan.contracts.Classification;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A coordinator verifies a complaint: classifies it and settles its category and flags.
 *
 * @param correctedCategoryCode null to keep the submitted category
 */
public record VerifyComplaint(
        @TargetAggregateIdentifier String complaintId,
        Classification classification,
        String correctedCategoryCode,
        boolean anonymous,
        boolean confidential,
        Instant verifiedAt) {
}
