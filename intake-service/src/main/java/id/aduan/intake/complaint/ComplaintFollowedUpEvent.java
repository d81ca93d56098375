package id.aduan.intake.complaint;

import id.aduan.intake.complaint.Submission.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * The assigned agency responded (tindak lanjut).
 *
 * @param attachments the uploads it attached; events stored before follow-ups took uploads describe
 *     files stored elsewhere, without an id
 */
public record ComplaintFollowedUpEvent(
        String complaintId, String agencyCode, String text, List<Attachment> attachments, Instant followedUpAt) {
}
