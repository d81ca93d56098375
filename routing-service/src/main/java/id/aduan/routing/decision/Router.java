package id.aduan.routing.decision;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.Category;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import id.aduan.routing.reference.AdministrativeRegion;
import id.aduan.routing.reference.Agencies;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.routing.reference.Region;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides where a complaint goes, under one version of the competence rules. No wrong door:
 * whichever agency the reporter addressed, or none, the complaint goes to the agency the rules name
 * for its category and location (the first rule that matches decides); when no rule matches, it goes
 * to the national coordinators' queue with the reason. The same holds when the agency holding it
 * declares it not its authority, until it has been forwarded more often than the hop limit: then it
 * goes to the coordinators. Never nowhere, and never an exception for odd input.
 */
public final class Router {

    public static final String COORDINATORS_QUEUE = "coordinators-queue";
    /** The "rule" of an escalation: forwarded more often than the hop limit allows. */
    public static final String HOP_LIMIT = "hop-limit";
    /** The "rule" of a national coordinator's disposition by hand. */
    public static final String COORDINATOR_DISPOSITION = "coordinator-disposition";

    private final ReferenceData data;
    private final CompetenceRules rules;

    public Router(ReferenceData data, CompetenceRules rules) {
        this.data = data;
        this.rules = rules;
    }

    public CompetenceRules rules() {
        return rules;
    }

    /** On submission: to the competent agency, whichever was addressed. */
    public RoutingDecision decide(ComplaintSubmitted complaint) {
        Inputs inputs = Inputs.of(complaint.categoryCode(), complaint.location().regionCode(), complaint.addressedAgencyCode());
        Search search = search(inputs, List.of());
        if (!search.found()) {
            return decision(Step.ROUTED, 0, null, null, null, COORDINATORS_QUEUE, inputs, "Left for the national coordinators to dispose: "
                    + search.whyNone() + "." + addressedNote(inputs, " which no rule shows to be competent."));
        }
        String why = " is competent: " + search.rule.basis() + where(search.rule, search.agency, search.location) + ".";
        String explanation = search.agency.code().equals(inputs.addressedAgencyCode())
                ? "The addressed agency " + search.agency.label() + why
                : search.agency.label() + why + addressedNote(inputs, " which is not competent for this.");
        return decision(Step.ROUTED, 0, search.agency.code(), unitCode(search.rule, search.agency, search.location), null, search.rule.id(), inputs, explanation);
    }

    /**
     * The agency holding the complaint declared it not its authority. It goes to the agency it
     * suggested if a competence rule for the complaint's category (or a broader or narrower one) names
     * that agency at the complaint's location; else to the first agency the rules name that has not
     * declined it yet; else to the coordinators' queue. The forward past {@code hopLimit} goes to the
     * coordinators instead (ESCALATED).
     *
     * @param suggestedAgencyCode the forwarder's suggestion; null for none
     */
    public RoutingDecision forward(RoutingChain chain, String suggestedAgencyCode, int hopLimit) {
        String from = chain.holder();
        if (from == null) {
            throw new IllegalStateException("a complaint in the coordinators' queue is forwarded by nobody");
        }
        int hop = chain.latest().hop() + 1;
        Set<String> declined = new LinkedHashSet<>(chain.declined());
        declined.add(from);
        String suggested = from.equals(suggestedAgencyCode) ? null : suggestedAgencyCode;
        Inputs inputs = chain.complaint().with(suggestedAgencyCode, List.copyOf(declined));
        String declaration = label(from) + " declared it not its authority";
        if (hop > hopLimit) {
            return decision(Step.ESCALATED, hop, null, null, from, HOP_LIMIT, inputs, "Escalated to the national coordinators: "
                    + declaration + suggestionNote(suggested, "") + ", which makes " + hop + " forwards, more than the limit of "
                    + hopLimit + ".");
        }
        Optional<Match> agreed = suggestionTheRulesAgreeWith(inputs, suggested);
        if (agreed.isPresent()) {
            Match match = agreed.get();
            return decision(Step.FORWARDED, hop, match.agency.code(), unitCode(match.rule, match.agency, match.location), from, match.rule.id(), inputs, match.agency.label()
                    + ", suggested by " + label(from) + " when it declared the complaint not its authority, is competent: "
                    + match.rule.basis() + where(match.rule, match.agency, match.location) + ".");
        }
        Search search = search(inputs, List.copyOf(declined));
        String note = suggestionNote(suggested, ", which no competence rule names for this complaint");
        if (!search.found()) {
            return decision(Step.FORWARDED, hop, null, null, from, COORDINATORS_QUEUE, inputs, "Left for the national coordinators to dispose: "
                    + search.whyNone() + ". " + declaration + note + ".");
        }
        Set<String> passedOver = new LinkedHashSet<>(search.skipped);
        passedOver.remove(from);
        String skipped = passedOver.isEmpty() ? ""
                : "; " + passedOver.stream().map(this::label).collect(Collectors.joining(", ")) + " declined it before";
        return decision(Step.FORWARDED, hop, search.agency.code(), unitCode(search.rule, search.agency, search.location), from, search.rule.id(), inputs, search.agency.label()
                + " is competent: " + search.rule.basis() + where(search.rule, search.agency, search.location) + ". " + declaration + note
                + skipped + ".");
    }

    /**
     * A national coordinator disposes the complaint by hand, from the queue or in place of the
     * current agency. The explanation says what the competence rules would have named, for the record.
     */
    public RoutingDecision dispose(RoutingChain chain, String agencyCode) {
        Agency chosen = data.agencies().find(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("agency " + agencyCode + " is not in the catalogue"));
        RoutingDecision latest = chain.latest();
        Inputs inputs = chain.complaint().with(null, chain.declined());
        Search byRules = search(chain.complaint(), List.of());
        String rulesSay = !byRules.found() ? "No competence rule names an agency for it."
                : byRules.agency.code().equals(agencyCode) ? "The competence rules name the same agency (rule " + byRules.rule.id() + ")."
                : "The competence rules would name " + byRules.agency.label() + " (rule " + byRules.rule.id() + ").";
        String from = latest.inCoordinatorsQueue() ? " from the coordinators' queue" : " in place of " + label(latest.agencyCode());
        return decision(Step.DISPOSED, latest.hop(), chosen.code(), null, latest.agencyCode(), COORDINATOR_DISPOSITION, inputs,
                "A national coordinator disposed it to " + chosen.label() + from + ". " + rulesSay);
    }

    /**
     * The complaint lies with a regency/city office of an administrative region (31.71.DUKCAPIL), which
     * catalogues before administrative regions generated and which does not exist: a national
     * coordinator disposes it to the province's office of the same affair and the region's suku dinas.
     * Empty when it lies anywhere else.
     */
    public Optional<RoutingDecision> toTheProvinceHoldingTheAffair(RoutingChain chain) {
        String holder = chain.holder();
        Optional<AgencyCode> regencyOffice = AgencyCode.read(holder).filter(code -> code.level() == AgencyCode.Level.REGENCY);
        if (regencyOffice.isEmpty() || data.agencies().find(holder).isPresent()) {
            return Optional.empty();
        }
        String unit = regencyOffice.get().unit();
        Optional<AdministrativeRegion> administrative = data.regions().find(regencyOffice.get().regency())
                .flatMap(data.regions()::administrative);
        Optional<Agency> office = administrative.flatMap(region -> data.agencies().find(Agencies.officeCode(region.province().code(), unit)));
        if (office.isEmpty()) {
            return Optional.empty();
        }
        String unitCode = administrative.get().unitCode(office.get().code());
        RoutingDecision latest = chain.latest();
        return Optional.of(decision(Step.DISPOSED, latest.hop(), office.get().code(), unitCode, holder, COORDINATOR_DISPOSITION,
                chain.complaint().with(null, chain.declined()), "A national coordinator disposed it to " + office.get().label()
                        + " in place of " + holder + ", an office that does not exist: " + administrative.get().why()
                        + ", through its suku dinas " + unitCode + "."));
    }

    /**
     * A national coordinator corrected the complaint's category or region at verification: the
     * competence rules decide again on the corrected values, as on submission (an earlier "not our
     * authority" was declared about other facts), and the step is the coordinator's (DISPOSED, hop
     * kept). Nothing when they name where the complaint lies now.
     *
     * @param chain the steps so far, verified as corrected
     * @param correction what was corrected ("category corrected from GENERAL to INFRA.ROAD at verification")
     */
    public Optional<RoutingDecision> afterCorrection(RoutingChain chain, String correction) {
        RoutingDecision latest = chain.latest();
        Inputs inputs = chain.complaint().with(null, chain.declined());
        Search search = search(chain.complaint(), List.of());
        String agencyCode = search.found() ? search.agency.code() : null;
        if (Objects.equals(agencyCode, latest.agencyCode())) {
            return Optional.empty();
        }
        String because = "A national coordinator's correction (" + correction + ") re-routed it";
        String from = latest.inCoordinatorsQueue() ? " from the coordinators' queue" : " from " + label(latest.agencyCode());
        if (!search.found()) {
            return Optional.of(decision(Step.DISPOSED, latest.hop(), null, null, latest.agencyCode(), COORDINATORS_QUEUE, inputs,
                    because + from + ". Left for the national coordinators to dispose: " + search.whyNone() + "."));
        }
        return Optional.of(decision(Step.DISPOSED, latest.hop(), agencyCode, unitCode(search.rule, search.agency, search.location), latest.agencyCode(), search.rule.id(), inputs,
                because + from + ". " + search.agency.label() + " is competent: " + search.rule.basis()
                        + where(search.rule, search.agency, search.location) + "."));
    }

    private RoutingDecision decision(Step step, int hop, String agencyCode, String unitCode, String previousAgencyCode, String rule,
            Inputs inputs, String explanation) {
        Destination destination = agencyCode == null ? Destination.COORDINATORS_QUEUE : Destination.AGENCY;
        return new RoutingDecision(step, hop, destination, agencyCode, unitCode, previousAgencyCode, rule, rules.version(), inputs,
                explanation);
    }

    /** A rule and the agency it names at a location. */
    private record Match(CompetenceRule rule, Agency agency, Optional<Region> location) {
    }

    private Optional<Match> suggestionTheRulesAgreeWith(Inputs inputs, String suggested) {
        Optional<Category> category = data.categories().find(inputs.categoryCode());
        if (suggested == null || category.isEmpty()) {
            return Optional.empty();
        }
        Optional<Region> location = data.regions().find(inputs.regionCode());
        for (CompetenceRule rule : rules.inOrder()) {
            if (rule.covers(category.get()) || rule.narrows(category.get())) {
                Optional<Agency> named = rule.agencyCodeFor(location, data.regions()).filter(suggested::equals)
                        .flatMap(data.agencies()::find);
                if (named.isPresent()) {
                    return Optional.of(new Match(rule, named.get(), location));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first covering rule that names a catalogued agency not among {@code declined}.
     *
     * @param skipped declined agencies a rule named on the way
     * @param firstMiss why the first covering rule named no agency at all, if one did not
     */
    private record Search(Optional<Category> category, Optional<Region> location, CompetenceRule rule, Agency agency,
            Set<String> skipped, String firstMiss, String categoryCode) {

        boolean found() {
            return agency != null;
        }

        String whyNone() {
            if (category.isEmpty()) {
                return "the category " + categoryCode + " is not in the category tree";
            }
            if (!skipped.isEmpty()) {
                return "every agency the competence rules name for it has declined it";
            }
            return firstMiss != null ? firstMiss : "no competence rule covers the category " + category.get().label();
        }
    }

    private Search search(Inputs inputs, List<String> declined) {
        Optional<Category> category = data.categories().find(inputs.categoryCode());
        Optional<Region> location = data.regions().find(inputs.regionCode());
        Set<String> skipped = new LinkedHashSet<>();
        String firstMiss = null;
        for (CompetenceRule rule : category.isEmpty() ? List.<CompetenceRule>of() : rules.inOrder()) {
            if (!rule.covers(category.get())) {
                continue;
            }
            Optional<Agency> competent = rule.agencyCodeFor(location, data.regions()).flatMap(data.agencies()::find);
            if (competent.isPresent() && !declined.contains(competent.get().code())) {
                return new Search(category, location, rule, competent.get(), skipped, firstMiss, inputs.categoryCode());
            }
            if (competent.isPresent()) {
                skipped.add(competent.get().code());
            } else if (firstMiss == null) {
                firstMiss = whyNot(rule, location, inputs.regionCode());
            }
        }
        return new Search(category, location, null, null, skipped, firstMiss, inputs.categoryCode());
    }

    /**
     * ", and Sukajadi (32.73.08) lies in Kota Bandung": the location that made a regional office
     * competent, and in an administrative city why its province's office is.
     */
    private String where(CompetenceRule rule, Agency agency, Optional<Region> location) {
        if (rule.level() == Agency.Level.CENTRAL || location.isEmpty()) {
            return "";
        }
        Region governing = data.regions().enclosing(location.get(), rule.regionLevel()).orElseThrow();
        String where = governing.equals(location.get())
                ? ", and the location is " + governing.label()
                : ", and " + location.get().label() + " lies in " + governing.label();
        return where + rule.administrativeRegion(location, data.regions())
                .map(administrative -> ". " + administrative.why() + ", through its suku dinas "
                        + administrative.unitCode(agency.code()))
                .orElse("");
    }

    /** The suku dinas of the province's office, when the rule's affair lies in an administrative regency/city; else null. */
    private String unitCode(CompetenceRule rule, Agency agency, Optional<Region> location) {
        return rule.administrativeRegion(location, data.regions()).map(administrative -> administrative.unitCode(agency.code()))
                .orElse(null);
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

    /** ", suggesting Dinas ... (32.DPUPR)" and what became of the suggestion. */
    private String suggestionNote(String suggested, String fate) {
        return suggested == null ? "" : ", suggesting " + label(suggested) + fate;
    }

    private String label(String agencyCode) {
        return data.agencies().find(agencyCode).map(Agency::label).orElse(agencyCode);
    }
}
