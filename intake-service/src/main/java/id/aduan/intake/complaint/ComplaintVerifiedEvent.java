package id.aduan.intake.complaint;

import id.aduan.contracts.Classification;
import java.time.Instant;

/** A coordinator verified the complaint.
 *
 * @param categoryCode the category from now on: the submitted one or the coordinator's correction
 * @param regionCode the region from now on: the submitted one or the coordinator's correction; null in events
 *     stored before corrections of the region existed
 * @param verifiedBy the coordinator's account; null for imported histories and events stored before it was kept */
public record ComplaintVerifiedEvent(
        String complaintId, Classification classification, String categoryCode, boolean anonymous, boolean confidential,
        Instant verifiedAt, String regionCode, String verifiedBy) {
}
