package id.aduan.routing.subscription.delivery;

import org.springframework.core.NestedExceptionUtils;

/**
 * What one delivery attempt achieved: entries are delivered in order, so it is how far it got and
 * how it ended.
 *
 * @param deliveredUpTo the number of the last entry now delivered
 * @param lastStatus the HTTP status of the last call, if there was an answer
 * @param error why it stopped early; null when everything offered was delivered
 */
public record Attempt(long deliveredUpTo, Integer lastStatus, String error) {

    /** An attempt that stopped on an exception, described by its most specific cause. */
    public static Attempt stoppedBy(Throwable e, long deliveredUpTo) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return new Attempt(deliveredUpTo, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    public boolean failed() {
        return error != null;
    }
}
