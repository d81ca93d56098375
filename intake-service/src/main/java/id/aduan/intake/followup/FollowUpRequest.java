package id.aduan.intake.followup;

import id.aduan.intake.complaint.RecordFollowUp;
import id.aduan.intake.complaint.Submission.Attachment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/complaints/{id}/follow-ups}.
 *
 * @param attachmentIds the caller's uploads ({@code POST /api/v1/attachments}) to attach, as a submission's
 */
public record FollowUpRequest(
        @NotBlank @Size(max = 10_000) String text,
        @Size(max = 10) List<@NotBlank String> attachmentIds) {

    RecordFollowUp toCommand(String complaintId, String agencyCode, String unitCode, List<Attachment> attachments,
            Instant now) {
        return new RecordFollowUp(complaintId, agencyCode, unitCode, text, attachments, now);
    }
}
