package id.aduan.routing.decision;

import id.aduan.reference.Category;
import id.aduan.routing.reference.AdministrativeRegion;
import id.aduan.routing.reference.Agencies;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.Region;
import id.aduan.routing.reference.Regions;
import java.util.Optional;

/**
 * One line of competence-rules.csv: complaints in this category (or below it) belong to this level
 * of government under UU 23/2014, and there to this office of the region containing the location.
 *
 * @param unit a central agency's code for CENTRAL, an office's unit (DISDIK) for PROVINCE and REGENCY
 * @param basis why that level holds the affair, completing "... is competent: "
 */
public record CompetenceRule(String id, String categoryCode, Agency.Level level, String unit, String basis) {

    public boolean covers(Category category) {
        return category.isWithin(categoryCode);
    }

    /**
     * True when the rule is about a narrower category than the complaint's: a "provincial roads"
     * rule for a complaint filed under "roads". The reporter chose broadly; an agency may know better.
     */
    public boolean narrows(Category category) {
        return categoryCode.startsWith(category.code() + ".");
    }

    /**
     * The competent agency's code for a complaint located here; empty when the location is unknown
     * or coarser than the level (a province when a regency/city is needed). A central rule needs no location.
     * In an administrative regency/city, the province's office holds the regency/city affair.
     */
    public Optional<String> agencyCodeFor(Optional<Region> location, Regions regions) {
        if (level == Agency.Level.CENTRAL) {
            return Optional.of(unit);
        }
        return location.flatMap(region -> regions.enclosing(region, regionLevel()))
                .map(governing -> Agencies.officeCode(administrativeRegion(location, regions)
                        .map(AdministrativeRegion::province).orElse(governing).code(), unit));
    }

    /** The administrative regency/city containing the location, when this rule's affair is held by its province. */
    public Optional<AdministrativeRegion> administrativeRegion(Optional<Region> location, Regions regions) {
        if (level != Agency.Level.REGENCY) {
            return Optional.empty();
        }
        return location.flatMap(region -> regions.enclosing(region, Region.Level.REGENCY)).flatMap(regions::administrative);
    }

    /** The region whose office is competent: the province or the regency/city containing the location. */
    public Region.Level regionLevel() {
        return level == Agency.Level.PROVINCE ? Region.Level.PROVINCE : Region.Level.REGENCY;
    }
}
