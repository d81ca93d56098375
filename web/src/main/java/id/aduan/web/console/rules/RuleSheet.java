package id.aduan.web.console.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The competence rules as the coordinator edits them: one rule a line, {@code id,category,level,unit,basis},
 * tried top to bottom, the format of routing's competence-rules.csv (docs/routing.md, "Rule format"). The basis
 * is the rest of the line, so it may hold commas without quoting. Each rule keeps its line number, so that the
 * API's refusal of {@code rules[3].categoryCode} points at the line the coordinator sees.
 */
final class RuleSheet {

    static final String HEADER = "id,category,level,unit,basis";
    private static final Set<String> LEVELS = Set.of("CENTRAL", "PROVINCE", "REGENCY");

    private RuleSheet() {
    }

    /** A rule as {@code GET} and {@code PUT /api/v1/routing/rules} write it. */
    record Rule(String id, String categoryCode, String level, String unit, String basis) {
    }

    /** A line the sheet cannot take, with the message key saying why. */
    record Fault(int line, String messageKey) {
    }

    /** The rules read, each with its line number, and the lines at fault. */
    record Read(List<Rule> rules, List<Integer> lines, List<Fault> faults) {

        /** The line the {@code index}-th rule came from, as the API counts rules. */
        int lineOf(int index) {
            return index >= 0 && index < lines.size() ? lines.get(index) : 0;
        }
    }

    static String write(List<Rule> rules) {
        StringBuilder sheet = new StringBuilder(HEADER).append('\n');
        for (Rule rule : rules) {
            sheet.append(String.join(",", rule.id(), rule.categoryCode(), rule.level(), rule.unit(), rule.basis())).append('\n');
        }
        return sheet.toString();
    }

    static Read read(String text) {
        List<Rule> rules = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        String[] rows = (text == null ? "" : text).split("\r?\n");
        for (int number = 1; number <= rows.length; number++) {
            String row = rows[number - 1].strip();
            if (row.isEmpty() || row.equalsIgnoreCase(HEADER)) {
                continue;
            }
            String[] cells = row.split(",", 5);
            if (cells.length < 5) {
                faults.add(new Fault(number, "console.rules.error.columns"));
                continue;
            }
            String level = cells[2].strip().toUpperCase();
            if (!LEVELS.contains(level)) {
                faults.add(new Fault(number, "console.rules.error.level"));
                continue;
            }
            rules.add(new Rule(cells[0].strip(), cells[1].strip(), level, cells[3].strip(), cells[4].strip()));
            lines.add(number);
        }
        if (rules.isEmpty() && faults.isEmpty()) {
            faults.add(new Fault(0, "console.rules.error.empty"));
        }
        return new Read(rules, lines, faults);
    }
}
