package id.aduan.routing.history;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.routing.decision.RoutingDecision;
import java.time.Instant;

/**
 * A routing step as recorded in the {@code decisions} collection: one link in a complaint's chain.
 *
 * @param eventId the id of the {@code aduan.complaint.routed.v1} event that announces it, the same on every publication
 * @param stepNumber 0 for the decision on submission, then 1, 2... for each later step
 * @param actor the account that took the step (token subject); null for a step routing took alone
 * @param reason the actor's reason; null exactly when {@code actor} is
 */
public record RecordedDecision(
        String eventId,
        String complaintId,
        int stepNumber,
        @JsonUnwrapped RoutingDecision decision,
        String actor,
        String reason,
        Instant routedAt) {

    public ComplaintRouted toEvent() {
        return new ComplaintRouted(complaintId, decision.destination(), decision.agencyCode(), decision.rule(),
                decision.explanation(), routedAt, decision.step(), decision.hop(), decision.previousAgencyCode(), actor, reason,
                decision.ruleSetVersion(), decision.unitCode());
    }
}
