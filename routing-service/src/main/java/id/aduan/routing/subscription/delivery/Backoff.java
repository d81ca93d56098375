package id.aduan.routing.subscription.delivery;

import java.time.Duration;

/** The wait before trying again after failures in a row: first, then doubling each time, never above max. */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, not " + first + " and " + max);
        }
    }

    public Duration after(int failuresInARow) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        // Doubling past 2^30 overflows and is far above any sensible maximum anyway.
        int doublings = Math.min(failuresInARow - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
