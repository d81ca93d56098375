package id.aduan.routing.decision;

import static id.aduan.routing.decision.RouterTest.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.routing.reference.Agency.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetCheckTest {

    private static final List<CompetenceRule> SHIPPED = CompetenceRules.shipped(DATA).inOrder();

    @Test
    void theShippedRulesAreUsable() {
        assertThat(RuleSetCheck.problems(SHIPPED, DATA)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | id                 | category         | level    | unit        | field        | message
            unknown category                         | new-rule           | MAGIC.BEANS      | REGENCY  | DPUPR       | categoryCode | is not in the category tree
            unknown central agency                   | new-rule           | GENERAL          | CENTRAL  | KEMENSIHIR  | unit         | is not a central agency in the catalogue
            a regional office as a central agency    | new-rule           | GENERAL          | CENTRAL  | 32.DPUPR    | unit         | is not a central agency in the catalogue
            unknown office unit                      | new-rule           | GENERAL          | REGENCY  | DINASKU     | unit         | is not an office unit of every regency (offices.csv)
            an office provinces do not have          | new-rule           | ADMINDUK         | PROVINCE | DUKCAPIL    | unit         | is not an office unit of every province (offices.csv)
            an id a routing step uses                | hop-limit          | GENERAL          | CENTRAL  | KEMENPANRB  | id           | is reserved for a step routing takes without a rule
            an id already used above                 | local-roads        | GENERAL          | CENTRAL  | KEMENPANRB  | id           | repeats the id of rules[2]
            """)
    void namesTheRuleAndFieldAtFault(String when, String id, String category, Level level, String unit, String field, String message) {
        List<CompetenceRule> rules = new ArrayList<>(SHIPPED);
        rules.add(new CompetenceRule(id, category, level, unit, "a reason"));

        assertThat(RuleSetCheck.problems(rules, DATA)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("rules[" + SHIPPED.size() + "]." + field);
            assertThat(problem.message()).isEqualTo(message);
        });
    }

    @Test
    void emptyFieldsAreLeftToTheRequestsOwnValidation() {
        assertThat(RuleSetCheck.problems(List.of(new CompetenceRule(null, null, null, null, null)), DATA)).isEmpty();
    }
}
