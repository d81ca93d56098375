package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintRouted.Destination;

/**
 * Where a complaint goes (its disposisi) and why, with what a coordinator needs to check it: the
 * rule, the version of the rules and reference data, and the inputs the rule looked at.
 *
 * @param agencyCode the assigned agency; null when it goes to the coordinators' queue
 * @param rule the id of the rule that decided
 */
public record RoutingDecision(
        Destination destination, String agencyCode, String rule, String ruleSetVersion, Inputs inputs, String explanation) {

    /** What the complaint said: its category, its location's region and the agency it addressed, if any. */
    public record Inputs(String categoryCode, String regionCode, String addressedAgencyCode) {
    }
}
