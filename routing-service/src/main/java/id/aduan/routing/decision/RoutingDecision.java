package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintRouted.Destination;

/**
 * Where a complaint goes (its disposisi) and why.
 *
 * @param agencyCode the assigned agency; null when it goes to the coordinators' queue
 * @param rule the id of the rule that decided
 */
public record RoutingDecision(Destination destination, String agencyCode, String rule, String explanation) {

    public static RoutingDecision toAgency(String agencyCode, String rule, String explanation) {
        return new RoutingDecision(Destination.AGENCY, agencyCode, rule, explanation);
    }

    public static RoutingDecision toCoordinators(String rule, String explanation) {
        return new RoutingDecision(Destination.COORDINATORS_QUEUE, null, rule, explanation);
    }
}
