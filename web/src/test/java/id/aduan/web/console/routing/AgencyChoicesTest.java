package id.aduan.web.console.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.web.console.routing.AgencyChoices.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyChoicesTest {

    private static final List<Rule> RULES = List.of(
            new Rule("national-roads", "INFRA.ROAD.NATIONAL", "CENTRAL", "KEMENPU", "b"),
            new Rule("provincial-roads", "INFRA.ROAD.PROVINCIAL", "PROVINCE", "DPUPR", "b"),
            new Rule("local-roads", "INFRA.ROAD", "REGENCY", "DPUPR", "b"),
            new Rule("drainage", "INFRA.DRAINAGE", "REGENCY", "DPUPR", "b"));

    @Test
    void aDistrictGetsTheCentralAgenciesAndTheOfficesOfItsProvinceAndRegencyOnceEachInTheRulesOrder() {
        assertThat(AgencyChoices.forLocation(RULES, "32.73.01")).containsExactly("KEMENPU", "32.DPUPR", "32.73.DPUPR");
    }

    @Test
    void aLocationNamingOnlyAProvinceOrNothingGetsNoRegencyOffice() {
        assertThat(AgencyChoices.forLocation(RULES, "32")).containsExactly("KEMENPU", "32.DPUPR");
        assertThat(AgencyChoices.forLocation(RULES, "00")).containsExactly("KEMENPU");
        assertThat(AgencyChoices.forLocation(RULES, null)).containsExactly("KEMENPU");
    }
}
