package id.aduan.web.console.routing;

import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.RegionCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agencies the competence rules can name for a complaint's location (docs/routing.md, "Rule format"): a
 * CENTRAL rule's agency, and a PROVINCE or REGENCY rule's office of the province or regency/city the location
 * lies in, in the rules' order. The disposition form offers them; any other catalogue code may still be typed.
 */
final class AgencyChoices {

    private AgencyChoices() {
    }

    /** A rule as {@code GET /api/v1/routing/rules} lists it. */
    record Rule(String id, String categoryCode, String level, String unit, String basis) {
    }

    static List<String> forLocation(List<Rule> rules, String regionCode) {
        // An unknown region (00: an SMS that named none) has no offices.
        Optional<RegionCode> region = RegionCode.parse(regionCode).filter(code -> IndonesianRegions.shipped().known(code.code()));
        Set<String> codes = new LinkedHashSet<>();
        for (Rule rule : rules) {
            String enclosing = switch (rule.level()) {
                case "CENTRAL" -> "";
                case "PROVINCE" -> region.map(RegionCode::province).orElse(null);
                case "REGENCY" -> region.map(RegionCode::regency).orElse(null);
                default -> null;
            };
            if (enclosing != null) {
                codes.add(enclosing.isEmpty() ? rule.unit() : enclosing + "." + rule.unit());
            }
        }
        return List.copyOf(codes);
    }
}
