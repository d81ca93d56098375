package id.aduan.routing.subscription.feed;

import id.aduan.contracts.ComplaintRouted;
import java.util.ArrayList;
import java.util.List;

/**
 * Which agencies' feeds a routing step belongs in: the agency the complaint now lies with, and the
 * one it left, so that an agency learns a complaint was taken from it. Nobody else: an agency never
 * hears of a complaint that was not routed to it. What the step carries was written by routing, a
 * coordinator or the agency it left, never by its new holder, so telling the old holder leaks nothing.
 */
public final class FeedRecipients {

    private FeedRecipients() {
    }

    public static List<String> of(ComplaintRouted step) {
        List<String> agencies = new ArrayList<>(2);
        if (step.agencyCode() != null) {
            agencies.add(step.agencyCode());
        }
        if (step.previousAgencyCode() != null && !step.previousAgencyCode().equals(step.agencyCode())) {
            agencies.add(step.previousAgencyCode());
        }
        return agencies;
    }
}
