package id.aduan.intake.complaint;

import id.aduan.intake.complaint.Submission.Attachment;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agency admin, or the liaison officer of the unit the complaint was handed to, records a
 * follow-up (tindak lanjut: the agency's response to the complaint).
 *
 * @param agencyCode the agency of the admin or liaison officer acting; only the assigned one may
 * @param unitCode the liaison officer's unit, which must be the one the complaint was handed to; null for the agency admin
 * @param attachments the uploads attached, described
 */
public record RecordFollowUp(
        @TargetAggregateIdentifier String complaintId,
        String agencyCode,
        String unitCode,
        String text,
        List<Attachment> attachments,
        Instant followedUpAt) {

    /** By the agency admin. */
    public RecordFollowUp(String complaintId, String agencyCode, String text, List<Attachment> attachments,
            Instant followedUpAt) {
        this(complaintId, agencyCode, null, text, attachments, followedUpAt);
    }
}
