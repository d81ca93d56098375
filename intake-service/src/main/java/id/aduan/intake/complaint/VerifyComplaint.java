package id.aduan.intake.complaint;

import id.aduan.contracts.Classification;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A coordinator verifies a complaint: classifies it and settles its category, region and flags.
 *
 * @param correctedCategoryCode null to keep the submitted category
 * @param correctedRegionCode null to keep the submitted region
 * @param verifiedBy the coordinator's account (token subject)
 */
public record VerifyComplaint(
        @TargetAggregateIdentifier String complaintId,
        Classification classification,
        String correctedCategoryCode,
        String correctedRegionCode,
        boolean anonymous,
        boolean confidential,
        String verifiedBy,
        Instant verifiedAt) {
}
