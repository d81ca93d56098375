package id.aduan.reporting.reports;

import id.aduan.platform.web.CsvText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports as CSV for spreadsheets, written by platform {@link CsvText}: one row for the whole
 * scope and one per breakdown entry, every figure a column; an unknown rate or average is empty. The
 * name column holds the scope's name on the total row and each region's name on the region rows.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String report(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("total", report.scope().code() == null ? report.scope().level() : report.scope().code(),
                report.scope().name(), report.figures()));
        breakdown(rows, "channel", report.byChannel(), Map.of());
        breakdown(rows, "category", report.byCategory(), Map.of());
        breakdown(rows, "classification", report.byClassification(), Map.of());
        breakdown(rows, "region", report.byRegion(), report.regionNames());
        if (report.byPeriod() != null) {
            breakdown(rows, "period", report.byPeriod(), Map.of());
        }
        return CsvText.of(header("breakdown", "key", "name"), rows);
    }

    static String ranking(Ranking ranking) {
        List<List<Object>> rows = ranking.items().stream().map(row -> {
            List<Object> cells = new ArrayList<>(List.of(row.rank(), row.code(), row.name() == null ? "" : row.name(),
                    row.value() == null ? "" : row.value()));
            cells.addAll(row.figures().values());
            return cells;
        }).toList();
        return CsvText.of(header("rank", "code", "name", ranking.metric()), rows);
    }

    static String overdue(OverduePage page) {
        List<List<Object>> rows = new ArrayList<>();
        page.items().forEach(complaint -> complaint.overdueClocks().forEach(clock -> rows.add(List.of(
                complaint.complaintId(), clock.kind(), clock.agency() == null ? "" : clock.agency(), clock.dueAt(),
                complaint.agency() == null ? "" : complaint.agency(), complaint.channel(), complaint.category(),
                complaint.regionCode() == null ? "" : complaint.regionCode(), complaint.submittedAt()))));
        return CsvText.of(List.of("complaintId", "kind", "clockAgency", "dueAt", "agency", "channel", "category", "regionCode",
                "submittedAt"), rows);
    }

    private static void breakdown(List<List<Object>> rows, String name, Map<String, Figures> byKey, Map<String, String> names) {
        byKey.forEach((key, figures) -> rows.add(row(name, key, names.get(key), figures)));
    }

    private static List<Object> row(String breakdown, String key, String name, Figures figures) {
        List<Object> cells = new ArrayList<>(List.of(breakdown, key, name == null ? "" : name));
        cells.addAll(figures.values());
        return cells;
    }

    private static List<String> header(String... leading) {
        List<String> header = new ArrayList<>(List.of(leading));
        header.addAll(Figures.METRICS);
        return header;
    }
}
