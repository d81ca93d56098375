package id.aduan.web.reference;

import java.util.List;

/**
 * What a region picker's three selects (province, regency/city, district, all named alike) chose: the finest
 * region that lies within the ones above it. A regency left over from a province the person then changed
 * does not count, so the form never sends a region from two places at once.
 */
public final class RegionChoice {

    private RegionChoice() {
    }

    /** The province, regency/city and district of a code; empty strings below where it stops. */
    public record Levels(String province, String regency, String district) {
    }

    /**
     * The finest consistent choice among the picker's values, in the order province, regency, district; "" for
     * none. The first value given counts whatever its level, so a link with one code ({@code ?region=32.77}) works.
     */
    public static String of(List<String> values) {
        String chosen = "";
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (chosen.isEmpty() || value.startsWith(chosen + ".")) {
                chosen = value;
            }
        }
        return chosen;
    }

    static Levels levels(String code) {
        if (code == null || code.isBlank()) {
            return new Levels("", "", "");
        }
        String[] parts = code.split("\\.");
        return new Levels(parts[0], parts.length > 1 ? parts[0] + "." + parts[1] : "",
                parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : "");
    }
}
