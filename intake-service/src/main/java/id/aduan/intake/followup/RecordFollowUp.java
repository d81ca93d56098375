package id.aduan.intake.followup;

import id.aduan.contracts.ComplaintFollowedUp;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agency admin records a follow-up (tindak lanjut: the agency's response to the complaint).
 *
 * @param agencyCode the agency of the admin acting; only the assigned one may
 */
public record RecordFollowUp(
        @TargetAggregateIdentifier String complaintId,
        String agencyCode,
        String text,
        List<ComplaintFollowedUp.Attachment> attachments,
        Instant followedUpAt) {
}
