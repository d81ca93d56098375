package id.aduan.routing.subscription.delivery;

import id.aduan.routing.subscription.SubscriptionSettings;
import id.aduan.routing.subscription.delivery.Subscriptions.Claim;
import id.aduan.routing.subscription.feed.AgencyFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the agency feeds to their subscriptions, on every instance at once: each round, up to
 * {@code concurrency} workers claim pending subscriptions (a lease in MongoDB, so no two instances
 * deliver the same subscription together), deliver what follows their cursor in feed order, and
 * move the cursor only past what was delivered. A failure stops the subscription where it is until
 * its backoff has passed; nothing is ever skipped. A slow receiver does not let the lease run out
 * under a delivery: each webhook call is covered by it first ({@link Lease}). An instance that dies holding a lease leaves the
 * subscription to another once the lease runs out, which may deliver its last entries again
 * (at-least-once; receivers deduplicate on the event id).
 */
public final class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Subscriptions subscriptions;
    private final AgencyFeed feed;
    private final Map<Subscription.Kind, DeliveryTarget> targets = new EnumMap<>(Subscription.Kind.class);
    private final SubscriptionSettings.Delivery settings;
    private final Backoff backoff;
    private final Clock clock;
    private volatile Disposable rounds;

    public Dispatcher(Subscriptions subscriptions, AgencyFeed feed, List<DeliveryTarget> targets,
            SubscriptionSettings.Delivery settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.feed = feed;
        targets.forEach(target -> this.targets.put(target.kind(), target));
        this.settings = settings;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
        this.clock = clock;
    }

    /** One round: delivers until no subscription is pending and due; returns how many entries it delivered. */
    public Mono<Integer> round() {
        return Flux.range(0, settings.concurrency())
                .flatMap(worker -> claimAndWork().expand(delivered -> claimAndWork()), settings.concurrency())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> claimAndWork() {
        return subscriptions.claim(settings.lease()).flatMap(claim -> {
            Subscription subscription = claim.subscription();
            Instant stopAt = claim.claimedAt().plus(settings.lease().dividedBy(2));
            Lease lease = new Lease(subscriptions, claim, settings.lease(), clock);
            return work(claim, lease, subscription.deliveredUpTo(), subscription.status().failuresInARow(), 0, stopAt)
                    .onErrorResume(e -> {
                        // The feed or the subscriptions could not be read or written: MongoDB, not the receiver.
                        log.warn("Delivering {} {} of {} failed; it is tried again in {}", subscription.kind(),
                                subscription.id(), subscription.agencyCode(), settings.firstRetry(), e);
                        return subscriptions.postpone(claim, clock.instant().plus(settings.firstRetry())).thenReturn(0);
                    })
                    .flatMap(delivered -> subscriptions.release(claim).thenReturn(delivered));
        });
    }

    private Mono<Integer> work(Claim claim, Lease lease, long cursor, int failures, int deliveredSoFar, Instant stopAt) {
        if (clock.instant().isAfter(stopAt)) {
            return Mono.just(deliveredSoFar);
        }
        Subscription subscription = claim.subscription();
        return feed.after(subscription.agencyCode(), cursor, settings.batch()).collectList().flatMap(entries -> {
            if (entries.isEmpty()) {
                // Not settled means an entry was announced but is not readable yet: look again shortly.
                return subscriptions.settle(claim, cursor)
                        .flatMap(settled -> settled ? Mono.just(deliveredSoFar)
                                : subscriptions.postpone(claim, clock.instant().plus(settings.interval())).thenReturn(deliveredSoFar));
            }
            return targets.get(subscription.kind()).deliver(subscription, entries, lease)
                    .flatMap(attempt -> subscriptions.record(claim, cursor, failures, attempt, backoff).flatMap(held -> {
                        int delivered = deliveredSoFar + (int) entries.stream()
                                .filter(entry -> entry.sequence() <= attempt.deliveredUpTo()).count();
                        if (attempt.failed()) {
                            log.info("{} {} of {} failed at entry {}: {}", subscription.kind(), subscription.id(),
                                    subscription.agencyCode(), attempt.deliveredUpTo() + 1, attempt.error());
                        }
                        return held && !attempt.failed()
                                ? work(claim, lease, attempt.deliveredUpTo(), 0, delivered, stopAt)
                                : Mono.just(delivered);
                    }));
        });
    }

    @Override
    public void start() {
        rounds = Flux.interval(settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(e -> {
                    log.warn("Delivery round failed; the next one takes over", e);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = rounds;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = rounds;
        return running != null && !running.isDisposed();
    }
}
