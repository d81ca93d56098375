package id.aduan.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The assigned agency responded to the complaint (tindak lanjut: its follow-up); there may be several.
 *
 * @param attachments references to files the agency attached, possibly none
 */
@CloudEventType(value = "aduan.complaint.followed-up.v1", topic = Topic.COMPLAINTS)
public record ComplaintFollowedUp(
        String complaintId, String agencyCode, String text, List<Attachment> attachments, Instant followedUpAt)
        implements ComplaintEvent {

    /** A file's metadata; the file itself is stored elsewhere. */
    public record Attachment(String name, String mediaType, long size, String sha256) {

        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public ComplaintFollowedUp {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(followedUpAt, "followedUpAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public Instant occurredAt() {
        return followedUpAt;
    }
}
