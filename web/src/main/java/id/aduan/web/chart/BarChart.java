package id.aduan.web.chart;

import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG (templates/fragments/charts.html): no chart script, so it
 * shows with the strict CSP, prints, and reads out the same as the table of its numbers that goes with it.
 *
 * @param title what the chart shows, announced to screen readers as the image's name
 * @param bars one per label, in the order given
 */
public record BarChart(String title, List<Bar> bars) {

    /** Where the bars start (the labels are on their left) and how long the longest is, in SVG units. */
    static final int LABEL_WIDTH = 220;
    static final int BAR_SPACE = 360;
    static final int ROW_HEIGHT = 28;

    /**
     * @param label the bar's name (a region, an agency, a month)
     * @param value its figure
     * @param text the figure as the page writes it (formatted for the person's language)
     */
    public record Bar(String label, double value, String text) {
    }

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** The longest bar's value: every bar is drawn relative to it, so the chart fills its width. */
    public double max() {
        return bars.stream().mapToDouble(Bar::value).max().orElse(0);
    }

    /** The bar's length in SVG units; 0 for a zero or negative value, at least 1 for a positive one so it shows. */
    public int length(Bar bar) {
        double max = max();
        if (bar.value() <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(BAR_SPACE * bar.value() / max));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int rowHeight() {
        return ROW_HEIGHT;
    }

    public int width() {
        return LABEL_WIDTH + BAR_SPACE + 80;
    }

    public int height() {
        return Math.max(1, bars.size()) * ROW_HEIGHT + 8;
    }
}
