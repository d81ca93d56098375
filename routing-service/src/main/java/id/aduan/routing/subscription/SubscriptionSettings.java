package id.aduan.routing.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How agencies' subscriptions behave (docs/subscriptions.md). The defaults are the production-safe ones.
 *
 * @param topicPrefix each agency's Kafka topic is this prefix and its code: {@code aduan.agency.32.73.DPUPR}
 * @param topicPartitions partitions of an agency's topic when routing creates it: one keeps the whole feed in
 *     order and the broker at one partition per agency (thousands of agencies; an agency's feed is small)
 * @param topicRetention how long an agency's topic keeps a record: a month covers an agency system's
 *     outage over the longest holidays (cuti bersama of Lebaran, about two weeks) with room to spare; older
 *     events remain in the agency feed, which the stream replays from any Last-Event-ID
 * @param stream the Server-Sent Events stream
 * @param delivery how the agency topics and webhooks are fed from the agency feeds
 * @param webhooks which webhook URLs are accepted and how they are called
 */
@ConfigurationProperties("aduan.subscriptions")
public record SubscriptionSettings(
        @DefaultValue("aduan.agency.") String topicPrefix,
        @DefaultValue("1") int topicPartitions,
        @DefaultValue("30d") Duration topicRetention,
        @DefaultValue Stream stream,
        @DefaultValue Delivery delivery,
        @DefaultValue Webhooks webhooks) {

    public SubscriptionSettings {
        // A webhook call (connect and answer: twice the timeout) must fit twice in the lease, which covers each call (delivery.Lease).
        if (delivery.lease().compareTo(webhooks.timeout().multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("aduan.subscriptions.delivery.lease (" + delivery.lease()
                    + ") must be at least 4 times aduan.subscriptions.webhooks.timeout (" + webhooks.timeout() + ")");
        }
    }

    /**
     * @param pollInterval how often an open stream looks for new events in its agency's feed
     * @param heartbeat how often an idle stream sends a comment, so that proxies keep it open
     */
    public record Stream(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("15s") Duration heartbeat) {
    }

    /**
     * @param interval how often the dispatcher looks for subscriptions with events to deliver
     * @param lease how long an instance holds a subscription it claimed; it starts no new batch past half of it,
     *     and renews it while a batch's webhook calls go on; at least 4 times {@code webhooks.timeout}
     * @param concurrency how many subscriptions one instance delivers at once
     * @param batch how many feed entries are read at a time
     * @param firstRetry the wait after the first failed attempt; it doubles with each failure in a row
     * @param maxRetry the longest wait between attempts
     */
    public record Delivery(
            @DefaultValue("500ms") Duration interval,
            @DefaultValue("1m") Duration lease,
            @DefaultValue("8") int concurrency,
            @DefaultValue("100") int batch,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("10m") Duration maxRetry) {
    }

    /**
     * @param requireHttps refuse plain-http URLs (only a local demo turns this off)
     * @param allowInternalAddresses accept URLs whose host resolves to a loopback, private, link-local,
     *     multicast or unique-local address (only a local demo turns this on); checked again at every call
     * @param timeout how long one call may take, connecting included
     * @param maxPerAgency how many webhooks one agency may register
     */
    public record Webhooks(
            @DefaultValue("true") boolean requireHttps,
            @DefaultValue("false") boolean allowInternalAddresses,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("10") int maxPerAgency) {
    }
}
