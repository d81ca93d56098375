package id.aduan.routing.decision;

import id.aduan.contracts.ReferenceCsv;
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

    /**
     * The rules shipped in competence-rules.csv, under the reference data's version: the set a new
     * installation starts with. A set with any problem {@link RuleSetCheck} finds stops the service.
     */
    public static CompetenceRules shipped(ReferenceData data) {
        List<CompetenceRule> rules = ReferenceCsv.rows("reference/competence-rules.csv", 5).stream()
                .map(row -> new CompetenceRule(row[0], row[1], Agency.Level.valueOf(row[2]), row[3], row[4]))
                .toList();
        List<RuleSetCheck.Problem> problems = RuleSetCheck.problems(rules, data);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("competence-rules.csv: " + problems.stream()
                    .map(problem -> problem.path() + " " + problem.message()).collect(Collectors.joining("; ")));
        }
        return new CompetenceRules(data.version(), rules);
    }
}
