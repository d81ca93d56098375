package id.aduan.routing.subscription.delivery;

import id.aduan.routing.subscription.delivery.Subscriptions.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * A claim's hold on its subscription while it delivers. A target asks it to cover each call before
 * making it: the lease is renewed (a point write under the claim's token) whenever less than twice
 * the longest call is left, so a call always ends, and its result is recorded, before the lease
 * could run out and another instance deliver the same entries. Renewing when needed rather than on a
 * timer means an instance that stalls stops renewing, and a fast receiver costs almost no writes.
 * Not ShedLock, which locks a task by name: this is a hold on one of many subscriptions, taken by
 * whichever worker of whichever instance claims it next, and stored on the subscription itself.
 */
public final class Lease {

    private final Subscriptions subscriptions;
    private final Claim claim;
    private final Duration length;
    private final Clock clock;
    private volatile Instant until;

    Lease(Subscriptions subscriptions, Claim claim, Duration length, Clock clock) {
        this.subscriptions = subscriptions;
        this.claim = claim;
        this.length = length;
        this.clock = clock;
        this.until = claim.claimedAt().plus(length);
    }

    /** True when the claim holds for at least twice {@code longestCall} from now, renewed if need be; false once lost. */
    public Mono<Boolean> covers(Duration longestCall) {
        Instant now = clock.instant();
        if (!now.plus(longestCall.multipliedBy(2)).isAfter(until)) {
            return Mono.just(true);
        }
        Instant renewed = now.plus(length);
        return subscriptions.renew(claim, renewed).doOnNext(held -> {
            if (held) {
                until = renewed;
            }
        });
    }
}
