package id.aduan.routing.reference;

import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.ReferenceCsv;
import id.aduan.reference.RegionCode;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's provinces, regencies/cities and districts by Kemendagri code, with each province's time
 * zone (both from the shared reference data), as routing walks them, and the administrative
 * regencies/cities whose province holds their affairs (routing's own data).
 */
public final class Regions {

    private final Map<String, Region> byCode;
    private final Map<String, ZoneId> zoneByProvince;
    private final Map<String, AdministrativeRegion> administrativeByCode;

    Regions(Map<String, Region> byCode, Map<String, ZoneId> zoneByProvince, Map<String, AdministrativeRegion> administrativeByCode) {
        this.byCode = Map.copyOf(byCode);
        this.zoneByProvince = Map.copyOf(zoneByProvince);
        this.administrativeByCode = Map.copyOf(administrativeByCode);
    }

    private record AdministrativeRow(String region, String kind, String unit) {
    }

    static Regions load() {
        IndonesianRegions shared = IndonesianRegions.shipped();
        Map<String, Region> regions = new LinkedHashMap<>();
        // The shared list checks that a parent comes before its children and that every province has a zone.
        shared.all().forEach((code, name) -> {
            int dot = code.lastIndexOf('.');
            Region.Level level = Region.Level.values()[code.split("\\.").length - 1];
            regions.put(code, new Region(code, level, name, dot < 0 ? null : code.substring(0, dot)));
        });
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        shared.provinces().forEach(province -> zones.put(province.code(), province.zone()));
        Map<String, AdministrativeRegion> administrative = new LinkedHashMap<>();
        for (AdministrativeRow row : ReferenceCsv.rows("reference/administrative-regions.csv", AdministrativeRow.class)) {
            Region region = regions.get(row.region());
            if (region == null || region.level() != Region.Level.REGENCY) {
                throw new IllegalStateException("administrative-regions.csv: " + row.region() + " is not a regency/city");
            }
            administrative.put(row.region(), new AdministrativeRegion(region, row.kind(), row.unit(), regions.get(region.parentCode())));
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
        return RegionCode.parse(code).map(RegionCode::code).map(byCode::get);
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
