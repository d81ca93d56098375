package id.aduan.intake.complaint;

import id.aduan.contracts.Classification;
import java.time.Instant;

/** A coordinator verified the complaint.
 *
 * @param categoryCode the category from now on: the submitted one or the coordinator's correction */
public record ComplaintVerifiedEvent(
        String complaintId, Classification classification, String categoryCode, boolean anonymous, boolean confidential,
        Instant verifiedAt) {
}
