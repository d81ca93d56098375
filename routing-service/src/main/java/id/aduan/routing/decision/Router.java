package id.aduan.routing.decision;

import id.aduan.contracts.Category;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.routing.reference.Region;
import java.util.Optional;

/**
 * Decides where a new complaint goes. No wrong door: whichever agency the reporter addressed, or
 * none, the complaint goes to the agency the competence rules name for its category and location
 * (the first rule that matches decides); when no rule matches, it goes to the national
 * coordinators' queue with the reason. Never nowhere, and never an exception for odd input.
 */
public final class Router {

    public static final String COORDINATORS_QUEUE = "coordinators-queue";

    private final ReferenceData data;
    private final CompetenceRules rules;

    public Router(ReferenceData data, CompetenceRules rules) {
        this.data = data;
        this.rules = rules;
    }

    public RoutingDecision decide(ComplaintSubmitted complaint) {
        Inputs inputs = new Inputs(complaint.categoryCode(), complaint.location().regionCode(), complaint.addressedAgencyCode());
        Optional<Category> category = data.categories().find(inputs.categoryCode());
        if (category.isEmpty()) {
            return toCoordinators(inputs, "the category " + inputs.categoryCode() + " is not in the category tree");
        }
        Optional<Region> location = data.regions().find(inputs.regionCode());
        String firstMiss = null;
        for (CompetenceRule rule : rules.inOrder()) {
            if (!rule.covers(category.get())) {
                continue;
            }
            Optional<Agency> competent = rule.agencyCodeFor(location, data.regions()).flatMap(data.agencies()::find);
            if (competent.isPresent()) {
                return toAgency(inputs, rule, competent.get(), location);
            }
            firstMiss = firstMiss != null ? firstMiss : whyNot(rule, location, inputs.regionCode());
        }
        return toCoordinators(inputs, firstMiss != null ? firstMiss
                : "no competence rule covers the category " + category.get().label());
    }

    private RoutingDecision toAgency(Inputs inputs, CompetenceRule rule, Agency competent, Optional<Region> location) {
        String why = " is competent: " + rule.basis() + where(rule, location) + ".";
        String explanation;
        if (competent.code().equals(inputs.addressedAgencyCode())) {
            explanation = "The addressed agency " + competent.label() + why;
        } else {
            explanation = competent.label() + why + addressedNote(inputs, " which is not competent for this.");
        }
        return new RoutingDecision(Destination.AGENCY, competent.code(), rule.id(), data.version(), inputs, explanation);
    }

    private RoutingDecision toCoordinators(Inputs inputs, String reason) {
        String explanation = "Left for the national coordinators to dispose: " + reason + "."
                + addressedNote(inputs, " which no rule shows to be competent.");
        return new RoutingDecision(Destination.COORDINATORS_QUEUE, null, COORDINATORS_QUEUE, data.version(), inputs,
                explanation);
    }

    /** ", and Sukajadi (32.73.08) lies in Kota Bandung": the location that made a regional office competent. */
    private String where(CompetenceRule rule, Optional<Region> location) {
        if (rule.level() == Agency.Level.CENTRAL || location.isEmpty()) {
            return "";
        }
        Region governing = data.regions().enclosing(location.get(), rule.regionLevel()).orElseThrow();
        return governing.equals(location.get())
                ? ", and the location is " + governing.label()
                : ", and " + location.get().label() + " lies in " + governing.label();
    }

    private String whyNot(CompetenceRule rule, Optional<Region> location, String regionCode) {
        String needs = rule.regionLevel() == Region.Level.PROVINCE ? "a province" : "a regency/city";
        if (location.isEmpty()) {
            return "rule " + rule.id() + " needs a location within " + needs + ", and " + regionCode
                    + " is not a known region code";
        }
        if (data.regions().enclosing(location.get(), rule.regionLevel()).isEmpty()) {
            return "rule " + rule.id() + " needs a location within " + needs + ", and " + location.get().label()
                    + " names only a province (location too coarse)";
        }
        return "rule " + rule.id() + " names an office " + rule.unit() + " that " + location.get().label()
                + " does not have in the agency catalogue";
    }

    /** What became of the agency the reporter addressed, when it is not the destination. */
    private String addressedNote(Inputs inputs, String whenKnown) {
        if (inputs.addressedAgencyCode() == null) {
            return "";
        }
        return data.agencies().find(inputs.addressedAgencyCode())
                .map(addressed -> " It was addressed to " + addressed.label() + "," + whenKnown)
                .orElse(" It was addressed to " + inputs.addressedAgencyCode() + ", which is not in the agency catalogue.");
    }
}
