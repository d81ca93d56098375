package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A complaint's routing steps so far, oldest first: where it lies now, and who declined it on the way.
 *
 * @param verifiedCategoryCode the category a coordinator set at verification, which later steps
 *     decide by instead of the one submitted; null while unverified
 * @param verifiedRegionCode likewise the region; null while unverified or when the verification did not name it
 */
public record RoutingChain(List<RoutingDecision> steps, String verifiedCategoryCode, String verifiedRegionCode) {

    public RoutingChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain starts with the decision made on submission");
        }
    }

    public static RoutingChain startingWith(RoutingDecision routed) {
        return new RoutingChain(List.of(routed), null, null);
    }

    public RoutingChain then(RoutingDecision next) {
        List<RoutingDecision> longer = new ArrayList<>(steps);
        longer.add(next);
        return new RoutingChain(longer, verifiedCategoryCode, verifiedRegionCode);
    }

    public RoutingDecision latest() {
        return steps.get(steps.size() - 1);
    }

    /** The agency holding the complaint now; null while it lies in the coordinators' queue. */
    public String holder() {
        return latest().agencyCode();
    }

    /** What the complaint itself says: the inputs of the decision made on submission, with the verified category and region if any. */
    public Inputs complaint() {
        Inputs first = steps.get(0).inputs();
        return Inputs.of(verifiedCategoryCode != null ? verifiedCategoryCode : first.categoryCode(),
                verifiedRegionCode != null ? verifiedRegionCode : first.regionCode(), first.addressedAgencyCode());
    }

    /** The same steps with the category and region a coordinator verified. */
    public RoutingChain verifiedAs(String categoryCode, String regionCode) {
        return new RoutingChain(steps, categoryCode, regionCode);
    }

    /** The agencies that declared it not their authority, each once, in the order they did. */
    public List<String> declined() {
        Set<String> declined = new LinkedHashSet<>();
        for (RoutingDecision step : steps) {
            if ((step.step() == Step.FORWARDED || step.step() == Step.ESCALATED) && step.previousAgencyCode() != null) {
                declined.add(step.previousAgencyCode());
            }
        }
        return List.copyOf(declined);
    }

    /** True when the complaint is or was with this agency. */
    public boolean reached(String agencyCode) {
        return steps.stream().anyMatch(step -> step.destination() == Destination.AGENCY && step.agencyCode().equals(agencyCode));
    }
}
