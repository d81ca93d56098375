package id.aduan.routing.subscription.delivery;

import java.time.Instant;

/**
 * Something that receives an agency's feed in order: the agency's Kafka topic, or a webhook the
 * agency registered. It remembers how far it got and how its last attempt went.
 *
 * @param url the webhook's URL; null for the topic
 * @param secret the webhook's signing secret; null for the topic
 * @param deliveredUpTo the number of the last feed entry delivered
 * @param feedHead the last entry number the feed announced to it, at least
 */
public record Subscription(
        String id, Kind kind, String agencyCode, String url, String secret, Instant createdAt, long deliveredUpTo,
        long feedHead, Status status) {

    public enum Kind {
        TOPIC,
        WEBHOOK
    }

    /**
     * How delivery went, for the agency to see.
     *
     * @param lastStatus the HTTP status of the last call; null when it got no answer, and for the topic
     * @param lastError why the last attempt failed; null when it succeeded
     * @param nextAttemptAt when the next attempt is due, while failing
     * @param failuresInARow failed attempts since the last success
     */
    public record Status(
            Instant lastAttemptAt, Integer lastStatus, String lastError, Instant lastSuccessAt, Instant nextAttemptAt,
            int failuresInARow) {
    }

    /** Entries in the feed it has not delivered yet, as far as it knows. */
    public long backlog() {
        return Math.max(0, feedHead - deliveredUpTo);
    }
}
