package id.aduan.routing.decision;

import id.aduan.contracts.ReferenceCsv;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ordered competence rules of competence-rules.csv; the first that matches a complaint decides. */
public record CompetenceRules(List<CompetenceRule> inOrder) {

    /** Loads the rules and refuses a set with a duplicate id, an unknown category or an unknown central agency. */
    public static CompetenceRules load(ReferenceData data) {
        List<CompetenceRule> rules = ReferenceCsv.rows("reference/competence-rules.csv", 5).stream()
                .map(row -> new CompetenceRule(row[0], row[1], Agency.Level.valueOf(row[2]), row[3], row[4]))
                .toList();
        Set<String> ids = new HashSet<>();
        for (CompetenceRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("competence rule " + rule.id() + " appears twice");
            }
            if (data.categories().find(rule.categoryCode()).isEmpty()) {
                throw new IllegalStateException("competence rule " + rule.id() + " names unknown category " + rule.categoryCode());
            }
            if (rule.level() == Agency.Level.CENTRAL && data.agencies().find(rule.unit()).isEmpty()) {
                throw new IllegalStateException("competence rule " + rule.id() + " names unknown agency " + rule.unit());
            }
        }
        return new CompetenceRules(List.copyOf(rules));
    }
}
