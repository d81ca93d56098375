package id.aduan.reporting.regions;

import id.aduan.contracts.ReferenceCsv;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's provinces with their names and time zones, from the reference data shipped in
 * contracts. A report counts days in the time zone of whose report it is, and that zone follows a
 * province; the national coordinators and central agencies count in WIB.
 */
public final class Provinces {

    /** The national coordinators' zone, also that of central agencies (docs/sla.md). */
    public static final ZoneId NATIONAL_ZONE = ZoneId.of("Asia/Jakarta");

    private static final Provinces SHIPPED = load();

    private final Map<String, ZoneId> zones;
    private final Map<String, String> names;

    private Provinces(Map<String, ZoneId> zones, Map<String, String> names) {
        this.zones = Map.copyOf(zones);
        this.names = Map.copyOf(names);
    }

    public static Provinces shipped() {
        return SHIPPED;
    }

    private static Provinces load() {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : ReferenceCsv.rows("reference/provinces-timezones.csv", 4)) {
            zones.put(row[0], ZoneId.of(row[3]));
            names.put(row[0], row[1]);
        }
        return new Provinces(zones, names);
    }

    /** The zone of a province by its two-digit code; WIB for a code the reference data does not list. */
    public ZoneId zone(String provinceCode) {
        return provinceCode == null ? NATIONAL_ZONE : zones.getOrDefault(provinceCode, NATIONAL_ZONE);
    }

    public Optional<String> name(String provinceCode) {
        return Optional.ofNullable(provinceCode).map(names::get);
    }

    /** A complaint's days count in the zone of the province it is about. */
    public ZoneId zoneOf(RegionCode region) {
        return zone(region.province());
    }

    /** An agency's days count in its province's zone; a central agency's in WIB. */
    public ZoneId zoneOf(AgencyCode agency) {
        return zone(agency.province());
    }
}
