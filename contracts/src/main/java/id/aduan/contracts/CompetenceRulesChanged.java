package id.aduan.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The national coordinators replaced the competence rules: complaints routed after this change are
 * decided by the new rules; decisions made before keep the rule set version they name.
 *
 * @param changeId unique per change
 * @param ruleSetVersion the version of the new rule set, named by every decision made with it
 * @param previousRuleSetVersion the version it replaces
 * @param rules the whole new rule set, in the order they are tried
 * @param changedBy the coordinator who made the change
 * @param reason why, in words an auditor can check
 */
@CloudEventType(value = "aduan.routing.competence-rules-changed.v1", topic = Topic.ROUTING)
public record CompetenceRulesChanged(
        String changeId,
        String ruleSetVersion,
        String previousRuleSetVersion,
        List<Rule> rules,
        String changedBy,
        String reason,
        Instant changedAt) implements AduanEvent {

    /** Every rule change has this subject, so that the changes stay in order on one partition. */
    public static final String SUBJECT = "competence-rules";

    /**
     * One competence rule: complaints in this category (or below it) belong to this level of
     * government under UU 23/2014, and there to this unit.
     *
     * @param unit a central agency's code for CENTRAL, an office's unit (DISDIK) for PROVINCE and REGENCY
     * @param basis why that level holds the affair
     */
    public record Rule(String id, String categoryCode, Level level, String unit, String basis) {

        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(categoryCode, "categoryCode");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(basis, "basis");
        }
    }

    /** The level of government that holds an affair. */
    public enum Level {
        CENTRAL,
        PROVINCE,
        REGENCY
    }

    public CompetenceRulesChanged {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(previousRuleSetVersion, "previousRuleSetVersion");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a rule set has at least one rule");
        }
    }

    @Override
    public String subject() {
        return SUBJECT;
    }

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
