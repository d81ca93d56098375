package id.aduan.intake.followup;

import id.aduan.contracts.ComplaintFollowedUp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/v1/complaints/{id}/follow-ups}. */
public record FollowUpRequest(
        @NotBlank @Size(max = 10_000) String text,
        @Size(max = 10) List<@NotNull @Valid AttachmentReference> attachments) {

    /** Metadata of a file already stored elsewhere. */
    public record AttachmentReference(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Pattern(regexp = "^[a-z]+/[a-zA-Z0-9.+-]+$", message = "must be a media type such as image/jpeg")
            String mediaType,
            @NotNull @PositiveOrZero Long size,
            @NotBlank @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex digits") String sha256) {
    }

    RecordFollowUp toCommand(String complaintId, String agencyCode, String unitCode, Instant now) {
        List<ComplaintFollowedUp.Attachment> references = attachments == null ? List.of() : attachments.stream()
                .map(a -> new ComplaintFollowedUp.Attachment(a.name(), a.mediaType(), a.size(), a.sha256()))
                .toList();
        return new RecordFollowUp(complaintId, agencyCode, unitCode, text, references, now);
    }
}
