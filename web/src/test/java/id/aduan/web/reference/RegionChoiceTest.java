package id.aduan.web.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The region picker's three selects read as one region, and its search. */
class RegionChoiceTest {

    @Test
    void theFinestRegionChosenCounts() {
        assertThat(RegionChoice.of(List.of("32", "32.73", "32.73.01"))).isEqualTo("32.73.01");
        assertThat(RegionChoice.of(List.of("32", "32.73", ""))).isEqualTo("32.73");
        assertThat(RegionChoice.of(List.of("", "", ""))).isEmpty();
        assertThat(RegionChoice.of(List.of("32.77"))).isEqualTo("32.77");
    }

    @Test
    void aRegencyLeftFromAnotherProvinceDoesNotCount() {
        assertThat(RegionChoice.of(List.of("33", "32.73", "32.73.01"))).isEqualTo("33");
    }

    @Test
    void searchFindsADistrictByItsNameAndItsCity() {
        Pickers pickers = new Pickers();

        assertThat(pickers.search("sukajadi bandung")).extracting(Pickers.Choice::name)
                .containsExactly("Sukajadi, Kota Bandung, Jawa Barat");
        assertThat(pickers.search("a")).isEmpty();
        assertThat(pickers.children("32.73")).extracting(Pickers.Choice::code).contains("32.73.01").allMatch(code -> code.startsWith("32.73."));
    }
}
