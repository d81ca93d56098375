package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintFollowedUp;
import java.time.Instant;
import java.util.List;

/** The assigned agency responded (tindak lanjut). */
public record ComplaintFollowedUpEvent(
        String complaintId, String agencyCode, String text, List<ComplaintFollowedUp.Attachment> attachments,
        Instant followedUpAt) {
}
