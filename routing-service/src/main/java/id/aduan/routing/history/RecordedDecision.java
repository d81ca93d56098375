package id.aduan.routing.history;

import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import java.time.Instant;

/** A routing decision as recorded in the {@code decisions} collection: one step in a complaint's routing chain. */
public record RecordedDecision(
        String complaintId,
        Destination destination,
        String agencyCode,
        String rule,
        String ruleSetVersion,
        Inputs inputs,
        String explanation,
        Instant routedAt) {

    public ComplaintRouted toEvent() {
        return new ComplaintRouted(complaintId, destination, agencyCode, rule, explanation, routedAt,
                ComplaintRouted.Step.ROUTED, 0, null, null, null, ruleSetVersion);
    }
}
