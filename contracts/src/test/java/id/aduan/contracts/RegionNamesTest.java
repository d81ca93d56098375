package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionNamesTest {

    @Test
    void namesProvincesRegenciesAndDistrictsByCode() {
        assertThat(RegionNames.shipped().name("32")).contains("Jawa Barat");
        assertThat(RegionNames.shipped().name("32.73")).contains("Kota Bandung");
        assertThat(RegionNames.shipped().name("11.01.01")).contains("Bakongan");
        assertThat(RegionNames.shipped().name("99.99")).isEmpty();
        assertThat(RegionNames.shipped().all().keySet()).allSatisfy(code -> assertThat(code).matches(Codes.REGION));
    }

    @Test
    void knowsListedRegionsAndVillagesOfListedDistrictsOnly() {
        assertThat(RegionNames.shipped().known("32")).isTrue();
        assertThat(RegionNames.shipped().known("32.73")).isTrue();
        assertThat(RegionNames.shipped().known("32.73.01")).isTrue();
        assertThat(RegionNames.shipped().known("32.73.01.1001")).isTrue();
        // Papua Tengah (94) has no regency 71; no province 99.
        assertThat(RegionNames.shipped().known("94.71.01")).isFalse();
        assertThat(RegionNames.shipped().known("94.71.01.1001")).isFalse();
        assertThat(RegionNames.shipped().known("99")).isFalse();
        assertThat(RegionNames.shipped().known("00")).isFalse();
        assertThat(RegionNames.shipped().known("32.73.01.")).isFalse();
        assertThat(RegionNames.shipped().known(null)).isFalse();
    }

    @Test
    void everyProvinceWithATimeZoneHasTheSameNameInTheRegionList() {
        for (String[] province : ReferenceCsv.rows("reference/provinces-timezones.csv", 4)) {
            assertThat(RegionNames.shipped().name(province[0])).contains(province[1]);
        }
    }
}
