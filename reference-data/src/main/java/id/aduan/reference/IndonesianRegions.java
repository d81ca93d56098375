package id.aduan.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's provinces, regencies/cities and districts by Kemendagri code with their names, from
 * {@value #REGIONS} (Kemendagri 2025; source and licence in {@code reference/NOTICE.md}), and each
 * province's time zone, from {@value #ZONES}: the one list every service names regions and counts
 * days by. A parent is listed before its children, and every province has a zone. Loaded once, on
 * first use; a malformed file fails loudly rather than leave half a list.
 *
 * <p>An unknown code (well formed, but not in the list) is answered the same way everywhere:
 * {@link #known} and {@link #knows} say no, so that input at the edge is refused naming the field;
 * {@link #name} and {@link #province} are empty; and {@link #zoneOf} counts in {@link #NATIONAL_ZONE},
 * so that a consumer of an event never stops on a code newer than its data (docs/architecture.md).
 */
public final class IndonesianRegions {

    static final String REGIONS = "reference/regions-id.csv";
    static final String ZONES = "reference/provinces-timezones.csv";

    /** The national coordinators' zone, also that of central agencies and of any region the data does not list. */
    public static final ZoneId NATIONAL_ZONE = ZoneId.of("Asia/Jakarta");

    private static final String VILLAGE = "^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$";

    private final Map<String, String> byCode;
    private final Map<String, Province> provinces;

    private IndonesianRegions(Map<String, String> byCode, Map<String, Province> provinces) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.provinces = Collections.unmodifiableMap(provinces);
    }

    private static final class Loaded {
        static final IndonesianRegions SHIPPED = load();
    }

    /** The list, read from the classpath the first time it is asked for. */
    public static IndonesianRegions shipped() {
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

    /** Whether an agency's code could name a real agency: a central one, or an office in a listed province or regency/city. */
    public boolean knows(AgencyCode agency) {
        return agency.level() == AgencyCode.Level.CENTRAL || byCode.containsKey(agency.regionCode());
    }

    /** Every region's code and name, each parent before its children, in the file's order. */
    public Map<String, String> all() {
        return byCode;
    }

    /** The province of a two-digit code; empty for one the data does not list. */
    public Optional<Province> province(String provinceCode) {
        return Optional.ofNullable(provinceCode).map(provinces::get);
    }

    /** Every province with its zone, in code order. */
    public Collection<Province> provinces() {
        return provinces.values();
    }

    /** A complaint's days count in the zone of the province it is about; {@link #NATIONAL_ZONE} when that is unknown. */
    public ZoneId zoneOf(RegionCode region) {
        return zone(region.province());
    }

    /** An agency's days count in its province's zone; a central agency's, or one of an unlisted province, in {@link #NATIONAL_ZONE}. */
    public ZoneId zoneOf(AgencyCode agency) {
        return zone(agency.province());
    }

    private ZoneId zone(String provinceCode) {
        return province(provinceCode).map(Province::zone).orElse(NATIONAL_ZONE);
    }

    private record RegionRow(String code, String name) {
    }

    private record ZoneRow(@JsonProperty("province_code") String code, @JsonProperty("province") String name,
            @JsonProperty("zone") String zoneName, @JsonProperty("iana") String iana) {
    }

    private static IndonesianRegions load() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (RegionRow row : ReferenceCsv.rows(REGIONS, RegionRow.class)) {
            int dot = row.code().lastIndexOf('.');
            if (dot >= 0 && !regions.containsKey(row.code().substring(0, dot))) {
                throw new IllegalStateException("region " + row.code() + " listed before its parent");
            }
            regions.put(row.code(), row.name());
        }
        Map<String, Province> provinces = new LinkedHashMap<>();
        for (ZoneRow row : ReferenceCsv.rows(ZONES, ZoneRow.class)) {
            if (!row.name().equals(regions.get(row.code()))) {
                throw new IllegalStateException(ZONES + ": province " + row.code() + " " + row.name() + " is not in " + REGIONS);
            }
            provinces.put(row.code(), new Province(row.code(), row.name(), row.zoneName(), ZoneId.of(row.iana())));
        }
        regions.keySet().stream().filter(code -> code.indexOf('.') < 0 && !provinces.containsKey(code)).findFirst()
                .ifPresent(code -> {
                    throw new IllegalStateException("province " + code + " has no time zone in " + ZONES);
                });
        return new IndonesianRegions(regions, provinces);
    }
}
