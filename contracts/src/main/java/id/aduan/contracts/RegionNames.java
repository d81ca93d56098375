package id.aduan.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's provinces, regencies/cities and districts by Kemendagri code with their names, from
 * {@value #RESOURCE} (Kemendagri 2025; source and licence in {@code reference/NOTICE.md}): the one
 * list every service names regions by. A parent is listed before its children. Loaded once, on
 * first use; a malformed file fails loudly rather than leave half a list.
 */
public final class RegionNames {

    static final String RESOURCE = "reference/regions-id.csv";

    private static final String VILLAGE = "^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$";

    private final Map<String, String> byCode;

    private RegionNames(Map<String, String> byCode) {
        this.byCode = byCode;
    }

    private static final class Loaded {
        static final RegionNames SHIPPED = load();
    }

    /** The list, read from the classpath the first time it is asked for. */
    public static RegionNames shipped() {
        return Loaded.SHIPPED;
    }

    /** The name of a province ({@code 32}), regency/city ({@code 32.73}) or district ({@code 32.73.01}) code. */
    public Optional<String> name(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /**
     * Whether a region code names a real region: one the list holds (a province, regency/city or
     * district), or a village ({@code 32.73.01.1001}) of a district it holds. The list stops at
     * districts, and villages change too often to ship; their district is what routing uses.
     */
    public boolean known(String code) {
        if (code == null) {
            return false;
        }
        if (byCode.containsKey(code)) {
            return true;
        }
        int dot = code.lastIndexOf('.');
        return dot > 0 && code.matches(VILLAGE) && byCode.containsKey(code.substring(0, dot));
    }

    /** Every region's code and name, each parent before its children, in the file's order. */
    public Map<String, String> all() {
        return byCode;
    }

    private static RegionNames load() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String[] row : ReferenceCsv.rows(RESOURCE, 2)) {
            int dot = row[0].lastIndexOf('.');
            if (dot >= 0 && !regions.containsKey(row[0].substring(0, dot))) {
                throw new IllegalStateException("region " + row[0] + " listed before its parent");
            }
            regions.put(row[0], row[1]);
        }
        return new RegionNames(Collections.unmodifiableMap(regions));
    }
}
