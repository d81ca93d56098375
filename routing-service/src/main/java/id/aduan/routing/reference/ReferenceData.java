package id.aduan.routing.reference;

import id.aduan.reference.Categories;
import id.aduan.reference.ReferenceCsv;

/**
 * Everything routing looks things up in, loaded once at start from the classpath's
 * {@code reference/} directory, and the regions and category tree every service shares (reference-data). One version
 * covers the whole set, competence rules included, because a decision depends on all of it.
 */
public record ReferenceData(String version, Regions regions, Agencies agencies, Categories categories) {

    public static ReferenceData load() {
        Regions regions = Regions.load();
        return new ReferenceData(ReferenceCsv.text("reference/VERSION"), regions, Agencies.load(regions), Categories.tree());
    }
}
