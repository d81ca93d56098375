package id.aduan.routing.subscription.feed;

import java.time.Instant;

/**
 * One routing event in one agency's feed.
 *
 * @param sequence the event's place in this agency's feed: 1, 2, 3... with no gaps; the SSE id
 * @param type the CloudEvents type, such as {@code aduan.complaint.routed.v1}
 * @param cloudEvent the event exactly as it travels: the CloudEvents JSON envelope with its original id
 */
public record FeedEntry(
        String agencyCode, long sequence, String eventId, String type, String complaintId, String cloudEvent,
        Instant appendedAt) {
}
