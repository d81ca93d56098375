package id.aduan.reference;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Codes;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IndonesianRegionsTest {

    private static final IndonesianRegions REGIONS = IndonesianRegions.shipped();
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    @Test
    void namesProvincesRegenciesAndDistrictsByCode() {
        assertThat(REGIONS.name("32")).contains("Jawa Barat");
        assertThat(REGIONS.name("32.73")).contains("Kota Bandung");
        assertThat(REGIONS.name("11.01.01")).contains("Bakongan");
        assertThat(REGIONS.name("99.99")).isEmpty();
        assertThat(REGIONS.all().keySet()).allSatisfy(code -> assertThat(code).matches(Codes.REGION));
    }

    @Test
    void knowsListedRegionsAndVillagesOfListedDistrictsOnly() {
        assertThat(REGIONS.known("32")).isTrue();
        assertThat(REGIONS.known("32.73")).isTrue();
        assertThat(REGIONS.known("32.73.01")).isTrue();
        assertThat(REGIONS.known("32.73.01.1001")).isTrue();
        // Papua Tengah (94) has no regency 71; no province 99.
        assertThat(REGIONS.known("94.71.01")).isFalse();
        assertThat(REGIONS.known("94.71.01.1001")).isFalse();
        assertThat(REGIONS.known("99")).isFalse();
        assertThat(REGIONS.known("00")).isFalse();
        assertThat(REGIONS.known("32.73.01.")).isFalse();
        assertThat(REGIONS.known(null)).isFalse();
    }

    @Test
    void everyProvinceHasAZoneAndTheSameNameInTheRegionList() {
        long provinces = REGIONS.all().keySet().stream().filter(code -> code.indexOf('.') < 0).count();
        assertThat(REGIONS.provinces()).hasSize((int) provinces).hasSize(38).allSatisfy(province -> {
            assertThat(REGIONS.name(province.code())).contains(province.name());
            assertThat(province.zoneName()).isIn("WIB", "WITA", "WIT");
        });
        assertThat(REGIONS.province("51")).hasValueSatisfying(bali -> {
            assertThat(bali.name()).isEqualTo("Bali");
            assertThat(bali.zoneName()).isEqualTo("WITA");
            assertThat(bali.zone()).isEqualTo(WITA);
        });
    }

    @Test
    void anAgencyCountsInItsProvincesZoneAndACentralOneInJakarta() {
        assertThat(REGIONS.zoneOf(AgencyCode.parse("32.73.DUKCAPIL"))).isEqualTo(WIB);
        assertThat(REGIONS.zoneOf(AgencyCode.parse("51.71.DINKES"))).isEqualTo(WITA);
        assertThat(REGIONS.zoneOf(AgencyCode.parse("94.DINSOS"))).isEqualTo(WIT);
        assertThat(REGIONS.zoneOf(AgencyCode.parse("KEMENKES"))).isEqualTo(WIB);
        assertThat(REGIONS.zoneOf(RegionCode.parse("82.01.01.2001").orElseThrow())).isEqualTo(WIT);
    }

    @Test
    void anUnknownCodeIsNotKnownHasNoNameAndCountsInTheNationalZone() {
        AgencyCode unlisted = AgencyCode.parse("99.DINKES");
        assertThat(REGIONS.knows(unlisted)).isFalse();
        assertThat(REGIONS.knows(AgencyCode.parse("94.71.DINKES"))).isFalse();
        assertThat(REGIONS.knows(AgencyCode.parse("94.DINKES"))).isTrue();
        assertThat(REGIONS.knows(AgencyCode.parse("KEMENKES"))).isTrue();
        assertThat(REGIONS.zoneOf(unlisted)).isEqualTo(IndonesianRegions.NATIONAL_ZONE);
        assertThat(REGIONS.zoneOf(RegionCode.parse("99.01").orElseThrow())).isEqualTo(IndonesianRegions.NATIONAL_ZONE);
        assertThat(REGIONS.zoneOf(RegionCode.NONE)).isEqualTo(IndonesianRegions.NATIONAL_ZONE);
        assertThat(REGIONS.province("99")).isEmpty();
        assertThat(REGIONS.province(null)).isEmpty();
    }
}
