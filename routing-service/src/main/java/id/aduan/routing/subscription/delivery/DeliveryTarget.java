package id.aduan.routing.subscription.delivery;

import id.aduan.routing.subscription.feed.FeedEntry;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where one kind of subscription sends its entries. */
public interface DeliveryTarget {

    Subscription.Kind kind();

    /**
     * Delivers the entries in order and stops at the first that fails: never one after a failure,
     * so that nothing is skipped. Failures are reported in the attempt, not as errors. A target whose
     * calls may together outlast the lease has each covered by it first (webhooks); the topic's batch
     * goes out at once and needs nothing more than the dispatcher's claim.
     */
    Mono<Attempt> deliver(Subscription subscription, List<FeedEntry> entries, Lease lease);
}
