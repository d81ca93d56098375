package id.aduan.web.report;

import id.aduan.web.chart.BarChart;
import java.util.List;

/**
 * A report as its page shows it: the headline figures, charts, and each breakdown as a table whose cells are
 * already written for the person's language.
 *
 * @param heading the report's name ("Laporan nasional", "Kota Bandung (32.73)")
 * @param zoneCode the region or agency whose zone the report's dates are in; null nationally (WIB)
 * @param headline every figure of the whole scope
 */
public record ReportView(String heading, String zoneCode, List<Shown> headline, BarChart regionChart, BarChart periodChart,
        Table byRegion, Table byPeriod, Table byChannel, Table byCategory, Table byClassification) {

    /** The figures a reader looks at first, shown large above the rest. */
    static final List<Figure> HIGHLIGHTS = List.of(Figure.RECEIVED, Figure.COMPLETED, Figure.COMPLETION_RATE, Figure.OVERDUE,
            Figure.SLA_COMPLIANCE, Figure.SATISFACTION);

    public List<Shown> highlights() {
        return headline.stream().filter(shown -> HIGHLIGHTS.contains(shown.figure())).toList();
    }

    /** A figure and its text. */
    public record Shown(Figure figure, String text) {
    }

    /** A breakdown: one row per region, period, channel... with the same columns. */
    public record Table(List<Figure> columns, List<Row> rows) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** @param link the row's own report, or null */
    public record Row(String code, String label, String link, List<String> cells) {
    }
}
