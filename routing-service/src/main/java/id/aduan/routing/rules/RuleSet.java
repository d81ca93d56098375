package id.aduan.routing.rules;

import id.aduan.contracts.CompetenceRulesChanged;
import id.aduan.routing.decision.CompetenceRule;
import id.aduan.routing.decision.CompetenceRules;
import java.time.Instant;
import java.util.List;

/**
 * One stored version of the competence rules and the change that made it.
 *
 * @param revision 1 for the set seeded from the shipped file, then one more per change
 * @param previousVersion the version it replaced; null for the seeded set
 * @param changedBy the coordinator's account; {@value RuleBook#SEEDED_BY} for the seeded set
 * @param changeId the id of the event that announces the change; null for the seeded set
 */
public record RuleSet(int revision, String version, String previousVersion, List<CompetenceRule> rules, String changedBy,
        String reason, Instant changedAt, String changeId) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public CompetenceRules competenceRules() {
        return new CompetenceRules(version, rules);
    }

    CompetenceRulesChanged toEvent() {
        return new CompetenceRulesChanged(changeId, version, previousVersion, rules.stream()
                .map(rule -> new CompetenceRulesChanged.Rule(rule.id(), rule.categoryCode(),
                        CompetenceRulesChanged.Level.valueOf(rule.level().name()), rule.unit(), rule.basis()))
                .toList(), changedBy, reason, changedAt);
    }
}
