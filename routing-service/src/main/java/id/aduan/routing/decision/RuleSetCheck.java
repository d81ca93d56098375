package id.aduan.routing.decision;

import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a rule set unusable: a duplicate or reserved id, a category not in the tree, a central
 * agency not in the catalogue, an office unit no template of that level has. Fields left empty are
 * not looked at here (the request's own validation names them).
 */
public final class RuleSetCheck {

    /** Ids of the steps routing takes without a competence rule; a rule may not take them. */
    static final Set<String> RESERVED_IDS = Set.of(Router.COORDINATORS_QUEUE, Router.HOP_LIMIT, Router.COORDINATOR_DISPOSITION);

    /**
     * @param index the rule's position, from 0
     * @param field the rule's field at fault
     */
    public record Problem(int index, String field, String message) {

        /** As a request names it: {@code rules[3].categoryCode}. */
        public String path() {
            return "rules[" + index + "]." + field;
        }
    }

    private RuleSetCheck() {
    }

    public static List<Problem> problems(List<CompetenceRule> rules, ReferenceData data) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            CompetenceRule rule = rules.get(i);
                        if (rule.id() != null) {
                Integer earlier = firstIndexOfId.putIfAbsent(rule.id(), i);
                if (earlier != null) {
                    problems.add(new Problem(i, "id", "repeats the id of rules[" + earlier + "]"));
                } else if (RESERVED_IDS.contains(rule.id())) {
                    problems.add(new Problem(i, "id", "is reserved for a step routing takes without a rule"));
                }
            }
            if (rule.categoryCode() != null && data.categories().find(rule.categoryCode()).isEmpty()) {
                problems.add(new Problem(i, "categoryCode", "is not in the category tree"));
            }
            if (rule.level() != null && rule.unit() != null) {
                if (rule.level() == Agency.Level.CENTRAL
                        && data.agencies().find(rule.unit()).filter(agency -> agency.level() == Agency.Level.CENTRAL).isEmpty()) {
                    problems.add(new Problem(i, "unit", "is not a central agency in the catalogue"));
                } else if (rule.level() != Agency.Level.CENTRAL && !data.agencies().hasOfficeUnit(rule.level(), rule.unit())) {
                    problems.add(new Problem(i, "unit", "is not an office unit of every " + rule.level().name().toLowerCase()
                            + " (offices.csv)"));
                }
            }
        }
        return problems;
    }
}
