package id.aduan.intake.complaint;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import java.time.Instant;
import java.util.List;

/**
 * What a complaint says, as it came in through its channel.
 *
 * @param addressedAgencyCode the agency the reporter addressed, or null
 * @param receivedAt when the channel received it (for manual entry, the original time)
 * @param anonymous anonim: the reporter's identity is hidden from the reported party and the public
 * @param confidential rahasia: the complaint itself is not public
 * @param attachments what was attached, described; the bytes are in the attachment store
 */
public record Submission(
        Channel channel,
        String title,
        String description,
        String categoryCode,
        Location location,
        String addressedAgencyCode,
        Instant receivedAt,
        boolean anonymous,
        boolean confidential,
        List<Attachment> attachments) {

    public Submission {
        // Events stored before attachments existed have none.
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A submission without attachments. */
    public Submission(Channel channel, String title, String description, String categoryCode, Location location,
            String addressedAgencyCode, Instant receivedAt, boolean anonymous, boolean confidential) {
        this(channel, title, description, categoryCode, location, addressedAgencyCode, receivedAt, anonymous,
                confidential, List.of());
    }

    public Submission withAttachments(List<Attachment> attached) {
        return new Submission(channel, title, description, categoryCode, location, addressedAgencyCode, receivedAt,
                anonymous, confidential, attached);
    }

    /**
     * An attached file as the complaint records it: never the bytes.
     *
     * @param sha256 the SHA-256 checksum of the bytes, lowercase hex
     */
    public record Attachment(String id, String name, String mediaType, long size, String sha256) {
    }
}
