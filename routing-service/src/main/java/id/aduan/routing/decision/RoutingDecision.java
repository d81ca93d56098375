package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.platform.security.Actor;
import java.util.List;
import java.util.Objects;

/**
 * One step of a complaint's routing (its disposisi) and why, with what a coordinator needs to check
 * it: the rule, the version of the rules, and the inputs the rule looked at.
 *
 * @param hop how many times the complaint has been forwarded, this step included; 0 on submission
 * @param agencyCode the assigned agency; null when it goes to the coordinators' queue
 * @param unitCode the unit of that agency the complaint belongs to ({@code 31.DUKCAPIL/SUDIN-JAKPUS}, the suku dinas of
 *     an administrative city), when the rules name one; null otherwise
 * @param previousAgencyCode the agency that held the complaint before this step, if any
 * @param rule the id of the rule that decided, or {@link Router#HOP_LIMIT}, {@link Router#COORDINATOR_DISPOSITION}
 */
public record RoutingDecision(
        Step step,
        int hop,
        Destination destination,
        String agencyCode,
        String unitCode,
        String previousAgencyCode,
        String rule,
        String ruleSetVersion,
        Inputs inputs,
        String explanation) {

    public RoutingDecision {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(explanation, "explanation");
        if ((destination == Destination.AGENCY) != (agencyCode != null)) {
            throw new IllegalArgumentException("agencyCode is set exactly when the destination is AGENCY");
        }
        if (unitCode != null && !Actor.unitOf(unitCode, agencyCode)) {
            throw new IllegalArgumentException("unitCode is a unit of the agency");
        }
        if (step == Step.ESCALATED && destination != Destination.COORDINATORS_QUEUE) {
            throw new IllegalArgumentException("an escalation goes to the coordinators' queue");
        }
    }

    public boolean inCoordinatorsQueue() {
        return destination == Destination.COORDINATORS_QUEUE;
    }

    /**
     * What the decision looked at: the complaint's category, its location's region and the agency it
     * addressed, and on a forward the agency the forwarder suggested and those that declined it so far.
     *
     * @param declinedAgencyCodes agencies that declared the complaint not their authority, in order; empty on submission
     */
    public record Inputs(String categoryCode, String regionCode, String addressedAgencyCode, String suggestedAgencyCode,
            List<String> declinedAgencyCodes) {

        public Inputs {
            declinedAgencyCodes = declinedAgencyCodes == null ? List.of() : List.copyOf(declinedAgencyCodes);
        }

        /** What a submitted complaint says. */
        public static Inputs of(String categoryCode, String regionCode, String addressedAgencyCode) {
            return new Inputs(categoryCode, regionCode, addressedAgencyCode, null, List.of());
        }

        Inputs with(String suggestedAgencyCode, List<String> declinedAgencyCodes) {
            return new Inputs(categoryCode, regionCode, addressedAgencyCode, suggestedAgencyCode, declinedAgencyCodes);
        }
    }
}
