package id.aduan.routing.decision;

import id.aduan.reference.ReferenceCsv;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A version of the ordered competence rules; the first rule that matches a complaint decides.
 *
 * @param version named by every decision made with these rules
 */
public record CompetenceRules(String version, List<CompetenceRule> inOrder) {

    public CompetenceRules {
        inOrder = List.copyOf(inOrder);
    }

    /** A line of competence-rules.csv. */
    private record Row(String id, String category, Agency.Level level, String unit, String basis) {
    }

    /**
     * The rules shipped in competence-rules.csv, under the reference data's version: the set a new
     * installation starts with. A set with any problem {@link RuleSetCheck} finds stops the service.
     */
    public static CompetenceRules shipped(ReferenceData data) {
        List<CompetenceRule> rules = ReferenceCsv.rows("reference/competence-rules.csv", Row.class).stream()
                .map(row -> new CompetenceRule(row.id(), row.category(), row.level(), row.unit(), row.basis()))
                .toList();
        List<RuleSetCheck.Problem> problems = RuleSetCheck.problems(rules, data);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("competence-rules.csv: " + problems.stream()
                    .map(problem -> problem.path() + " " + problem.message()).collect(Collectors.joining("; ")));
        }
        return new CompetenceRules(data.version(), rules);
    }
}
