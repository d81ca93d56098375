package id.aduan.intake.complaint;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import java.time.Instant;

/**
 * What a complaint says, as it came in through its channel.
 *
 * @param addressedAgencyCode the agency the reporter addressed, or null
 * @param receivedAt when the channel received it (for manual entry, the original time)
 * @param anonymous anonim: the reporter's identity is hidden from the reported party and the public
 * @param confidential rahasia: the complaint itself is not public
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
        boolean confidential) {
}
