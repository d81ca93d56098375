package id.aduan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.contracts.Codes;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodesProperties {

    private static final IndonesianRegions REGIONS = IndonesianRegions.shipped();
    private static final List<String> LISTED = List.copyOf(REGIONS.all().keySet());

    @Property
    void anOfficeCodeReadsBackAsItsRegionAndUnit(@ForAll("listedRegions") String region, @ForAll("units") String unit) {
        AgencyCode office = AgencyCode.office(region, unit);
        assertThat(office.code()).matches(Codes.AGENCY).isEqualTo(region + "." + unit);
        assertThat(AgencyCode.parse(office.code())).isEqualTo(office);
        assertThat(office.unit()).isEqualTo(unit);
        assertThat(office.regionCode()).isEqualTo(region);
        assertThat(office.province()).isEqualTo(region.substring(0, 2));
        assertThat(office.level()).isEqualTo(region.length() == 2 ? AgencyCode.Level.PROVINCE : AgencyCode.Level.REGENCY);
        assertThat(REGIONS.knows(office)).isTrue();
        assertThat(REGIONS.zoneOf(office)).isEqualTo(REGIONS.province(office.province()).orElseThrow().zone());
    }

    @Property
    void aCentralAgencyHasNoRegionAndCountsInJakarta(@ForAll("units") String unit) {
        AgencyCode central = AgencyCode.parse(unit);
        assertThat(central.level()).isEqualTo(AgencyCode.Level.CENTRAL);
        assertThat(central.regionCode()).isNull();
        assertThat(REGIONS.knows(central)).isTrue();
        assertThat(REGIONS.zoneOf(central)).isEqualTo(IndonesianRegions.NATIONAL_ZONE);
    }

    @Property
    void onlyCodesOfTheContractsShapeAreAgencyCodes(@ForAll String anything) {
        if (anything.matches(Codes.AGENCY)) {
            assertThat(AgencyCode.parse(anything).code()).isEqualTo(anything);
        } else {
            assertThat(AgencyCode.read(anything)).isEmpty();
            assertThatThrownBy(() -> AgencyCode.parse(anything)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void aRegionCodeNestsInEveryCoarserLevelAndAVillageCountsAsItsDistrict(@ForAll("regionCodes") String code) {
        RegionCode region = RegionCode.parse(code).orElseThrow();
        assertThat(region.province()).isEqualTo(code.substring(0, 2));
        String finest = code.split("\\.").length == 4 ? code.substring(0, code.lastIndexOf('.')) : code;
        assertThat(region.code()).isEqualTo(finest);
        assertThat(region.level()).isEqualTo(RegionCode.Level.of(code));
        for (RegionCode.Level level : RegionCode.Level.values()) {
            String at = region.at(level);
            if (at != null) {
                assertThat(finest).startsWith(at);
                assertThat(RegionCode.Level.of(at)).isEqualTo(level);
            }
        }
    }

    @Property
    void everyListedRegionIsKnownAndEveryRegionUnderItsProvinceCountsInTheProvincesZone(@ForAll("listedRegions") String code) {
        assertThat(REGIONS.known(code)).isTrue();
        RegionCode region = RegionCode.parse(code).orElseThrow();
        assertThat(REGIONS.zoneOf(region)).isEqualTo(REGIONS.province(region.province()).orElseThrow().zone());
    }

    @Property
    void anUnlistedRegionIsUnknownAndCountsInTheNationalZone(@ForAll("regionCodes") String code) {
        RegionCode region = RegionCode.parse(code).orElseThrow();
        if (!REGIONS.known(code)) {
            assertThat(REGIONS.name(region.code())).isEmpty();
        }
        if (REGIONS.province(region.province()).isEmpty()) {
            assertThat(REGIONS.zoneOf(region)).isEqualTo(IndonesianRegions.NATIONAL_ZONE);
        }
    }

    @Provide
    Arbitrary<String> listedRegions() {
        return Arbitraries.of(LISTED).filter(code -> code.split("\\.").length <= 2);
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-").ofMinLength(1).ofMaxLength(30)
                .map(tail -> "D" + tail);
    }

    @Provide
    Arbitrary<String> regionCodes() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(n -> String.format("%02d", n));
        Arbitrary<String> four = Arbitraries.integers().between(0, 9999).map(n -> String.format("%04d", n));
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 4);
        return Combinators.combine(two, two, two, four, depth).as((p, r, d, v, n) -> switch (n) {
            case 1 -> p;
            case 2 -> p + "." + r;
            case 3 -> p + "." + r + "." + d;
            default -> p + "." + r + "." + d + "." + v;
        });
    }
}
