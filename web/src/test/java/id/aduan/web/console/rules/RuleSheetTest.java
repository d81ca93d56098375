package id.aduan.web.console.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.web.console.rules.RuleSheet.Fault;
import id.aduan.web.console.rules.RuleSheet.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSheetTest {

    private static final List<Rule> RULES = List.of(
            new Rule("national-roads", "INFRA.ROAD.NATIONAL", "CENTRAL", "KEMENPU", "national roads are a central government affair"),
            new Rule("local-roads", "INFRA.ROAD", "REGENCY", "DPUPR", "roads other than national, provincial ones are a regency/city affair"));

    @Test
    void theRulesInForceComeBackUnchangedFromTheSheetTheCoordinatorEdits() {
        RuleSheet.Read read = RuleSheet.read(RuleSheet.write(RULES));

        assertThat(read.faults()).isEmpty();
        assertThat(read.rules()).isEqualTo(RULES);
    }

    @Test
    void theApisRuleIndexPointsAtTheLineTheCoordinatorSeesSkippingTheHeaderAndBlankLines() {
        RuleSheet.Read read = RuleSheet.read("""
                id,category,level,unit,basis

                national-roads,INFRA.ROAD.NATIONAL,central,KEMENPU,national roads
                local-roads , INFRA.ROAD , REGENCY , DPUPR , local roads, lanes and alleys
                """);

        assertThat(read.rules()).extracting(Rule::level).containsExactly("CENTRAL", "REGENCY");
        assertThat(read.rules().get(1)).isEqualTo(new Rule("local-roads", "INFRA.ROAD", "REGENCY", "DPUPR", "local roads, lanes and alleys"));
        assertThat(read.lineOf(0)).isEqualTo(3);
        assertThat(read.lineOf(1)).isEqualTo(4);
    }

    @Test
    void aLineWithTooFewColumnsOrAnUnknownLevelIsToldByItsNumberAndNothingIsSent() {
        RuleSheet.Read read = RuleSheet.read("national-roads,INFRA.ROAD.NATIONAL,CENTRAL,KEMENPU,ok\nbroken,INFRA.ROAD\nx,INFRA.ROAD,CITY,DPUPR,b\n");

        assertThat(read.faults()).containsExactly(new Fault(2, "console.rules.error.columns"), new Fault(3, "console.rules.error.level"));
    }

    @Test
    void anEmptySheetIsRefused() {
        assertThat(RuleSheet.read(" \n").faults()).containsExactly(new Fault(0, "console.rules.error.empty"));
    }
}
