package id.aduan.routing.rules;

import id.aduan.routing.decision.CompetenceRule;
import id.aduan.routing.reference.Agency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/routing/rules}: the whole new rule set, in the order rules are
 * tried, and why. {@link UsableRuleSet} checks it against the categories and the agency catalogue.
 */
@UsableRuleSet
record RuleChangeRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Rule> rules, @NotBlank @Size(max = 2000) String reason) {

    /** One rule, as competence-rules.csv writes it (docs/routing.md, "Rule format"). */
    record Rule(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words joined by hyphens") String id,
            @NotBlank String categoryCode,
            @NotNull Agency.Level level,
            @NotBlank String unit,
            @NotBlank @Size(max = 500) String basis) {

        CompetenceRule toRule() {
            return new CompetenceRule(id, categoryCode, level, unit, basis);
        }
    }

    List<CompetenceRule> competenceRules() {
        return rules.stream().map(rule -> rule == null ? new CompetenceRule(null, null, null, null, null) : rule.toRule()).toList();
    }
}
