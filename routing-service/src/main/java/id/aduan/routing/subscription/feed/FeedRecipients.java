package id.aduan.routing.subscription.feed;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * Which agencies' feeds an event belongs in. A routing step: the agency the complaint now lies with,
 * and the one it left, so that an agency learns a complaint was taken from it. Nobody else: an agency
 * never hears of a complaint that was not routed to it. What the step carries was written by routing,
 * a coordinator or the agency it left, never by its new holder, so telling the old holder leaks nothing.
 * An agency's question to the reporter, asked and closed: that agency alone (the answer is not in the event).
 * A warning or a breach of an agency's FOLLOW_UP clock: that agency alone, the one that must act. The
 * coordinators' VERIFICATION clock, the citizen's END_TO_END term (no agency named) and the reporter's
 * clocks go to no agency's feed.
 */
public final class FeedRecipients {

    private FeedRecipients() {
    }

    /** Empty for an event no agency's feed carries. */
    public static List<String> of(AduanEvent event) {
        if (event instanceof ComplaintRouted step) {
            return of(step);
        }
        if (event instanceof QuestionAsked asked) {
            return List.of(asked.agencyCode());
        }
        if (event instanceof QuestionClosed closed) {
            return List.of(closed.agencyCode());
        }
        if (event instanceof SlaClockWarning warning) {
            return actingAgency(warning.kind(), warning.agencyCode());
        }
        if (event instanceof SlaClockBreached breach) {
            return actingAgency(breach.kind(), breach.agencyCode());
        }
        return List.of();
    }

    private static List<String> actingAgency(ClockKind kind, String agencyCode) {
        return kind == ClockKind.FOLLOW_UP && agencyCode != null ? List.of(agencyCode) : List.of();
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
