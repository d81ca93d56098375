package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintSubmitted;

/**
 * Decides where a new complaint goes. No wrong door: whatever the complaint says, the answer is
 * an agency or the national coordinators' queue, never nothing. Until competence rules exist the
 * addressed agency keeps what it was sent, and everything else waits for a coordinator.
 */
public final class Router {

    public static final String ADDRESSED_AGENCY = "addressed-agency";
    public static final String COORDINATORS_QUEUE = "coordinators-queue";

    public RoutingDecision decide(ComplaintSubmitted complaint) {
        if (complaint.addressedAgencyCode() != null) {
            return RoutingDecision.toAgency(complaint.addressedAgencyCode(), ADDRESSED_AGENCY,
                    "The reporter addressed " + complaint.addressedAgencyCode() + ".");
        }
        return RoutingDecision.toCoordinators(COORDINATORS_QUEUE,
                "No agency was addressed: a national coordinator disposes it.");
    }
}
