package id.aduan.routing.reference;

import id.aduan.contracts.ReferenceCsv;
import id.aduan.contracts.RegionNames;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Indonesia's provinces, regencies/cities and districts by Kemendagri code, with each province's time zone. */
public final class Regions {

    private final Map<String, Region> byCode;
    private final Map<String, ZoneId> zoneByProvince;
    private final Map<String, AdministrativeRegion> administrativeByCode;

    Regions(Map<String, Region> byCode, Map<String, ZoneId> zoneByProvince, Map<String, AdministrativeRegion> administrativeByCode) {
        this.byCode = Map.copyOf(byCode);
        this.zoneByProvince = Map.copyOf(zoneByProvince);
        this.administrativeByCode = Map.copyOf(administrativeByCode);
    }

    static Regions load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        // The shared list (contracts) checks that a parent comes before its children.
        RegionNames.shipped().all().forEach((code, name) -> {
            int dot = code.lastIndexOf('.');
            Region.Level level = Region.Level.values()[code.split("\\.").length - 1];
            regions.put(code, new Region(code, level, name, dot < 0 ? null : code.substring(0, dot)));
        });
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        for (String[] row : ReferenceCsv.rows("reference/provinces-timezones.csv", 4)) {
            zones.put(row[0], ZoneId.of(row[3]));
        }
        Map<String, AdministrativeRegion> administrative = new LinkedHashMap<>();
        for (String[] row : ReferenceCsv.rows("reference/administrative-regions.csv", 3)) {
            Region region = regions.get(row[0]);
            if (region == null || region.level() != Region.Level.REGENCY) {
                throw new IllegalStateException("administrative-regions.csv: " + row[0] + " is not a regency/city");
            }
            administrative.put(row[0], new AdministrativeRegion(region, row[1], row[2], regions.get(region.parentCode())));
        }
        return new Regions(regions, zones, administrative);
    }

    /** The regency/city, when it is an administrative one whose province holds its affairs. */
    public Optional<AdministrativeRegion> administrative(Region regency) {
        return Optional.ofNullable(administrativeByCode.get(regency.code()));
    }

    /**
     * The region a location code names. A village code ({@code NN.NN.NN.NNNN}) is taken as its
     * district: villages are not in the data, and routing never needs more than the regency.
     */
    public Optional<Region> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.");
        String known = parts.length == 4 && parts[3].matches("[0-9]{4}") ? code.substring(0, code.lastIndexOf('.')) : code;
        return Optional.ofNullable(byCode.get(known));
    }

    /** The region itself or the one enclosing it at this level; empty when the region is coarser. */
    public Optional<Region> enclosing(Region region, Region.Level level) {
        Region current = region;
        while (current != null && current.level().compareTo(level) > 0) {
            current = byCode.get(current.parentCode());
        }
        return Optional.ofNullable(current).filter(found -> found.level() == level);
    }

    public ZoneId zoneOf(Region region) {
        return zoneByProvince.get(enclosing(region, Region.Level.PROVINCE).orElseThrow().code());
    }

    public Collection<Region> all() {
        return byCode.values();
    }
}
