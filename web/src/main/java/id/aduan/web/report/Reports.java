package id.aduan.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.chart.BarChart;
import id.aduan.web.i18n.Formats;
import id.aduan.web.report.ReportView.Row;
import id.aduan.web.report.ReportView.Shown;
import id.aduan.web.report.ReportView.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Reporting's reports (national, a region's, an agency's: docs/metrics.md) read through the API as the
 * logged-in coordinator or Ombudsman, and turned into what their pages show.
 */
@Component
public class Reports {

    /** Where each role opens the reports: inside its own area, which the gateway and the login rules already cover. */
    public static final String CONSOLE_BASE = "/console/reports";
    public static final String OMBUDSMAN_BASE = "/ombudsman/reports";

    /** A complaint located less precisely than the breakdown's level (docs/metrics.md, "Region breakdown"). */
    private static final String UNSPECIFIED = "UNSPECIFIED";

    private final Api api;
    private final Formats formats;
    private final MessageSource messages;
    private final Categories categories = Categories.tree();

    Reports(Api api, Formats formats, MessageSource messages) {
        this.api = api;
        this.formats = formats;
        this.messages = messages;
    }

    public Mono<JsonNode> national(Period period) {
        return get("/api/v1/reports/national", period);
    }

    public Mono<JsonNode> region(String code, Period period) {
        return get("/api/v1/reports/regions/{code}", period, code);
    }

    public Mono<JsonNode> agency(String code, Period period) {
        return get("/api/v1/reports/agencies/{code}", period, code);
    }

    private Mono<JsonNode> get(String path, Period period, Object... variables) {
        return api.client().get()
                .uri(builder -> builder.path(path).queryParams(period.query()).build(variables))
                .retrieve().bodyToMono(JsonNode.class);
    }

    /**
     * A report's page (templates/report/report.html): the period form at {@code formPath} and the report, or the
     * form again with a refused period (400 naming from, to or interval) beside its field. {@code base} is where
     * the person opens other reports (the console's or the Ombudsman's); null for an agency, which opens none.
     */
    public Mono<String> page(Mono<JsonNode> report, Period period, String base, String formPath, Model model, Locale locale) {
        model.addAttribute("period", period);
        model.addAttribute("intervals", Period.INTERVALS);
        model.addAttribute("formPath", formPath);
        model.addAttribute("reportsBase", base);
        return report.doOnNext(answer -> model.addAttribute("report", view(answer, period, base, locale)))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400) || problem.fieldErrors().isEmpty()) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", refusals(problem, locale));
                    return Mono.empty();
                })
                .thenReturn("report/report");
    }

    /** The page's view of a report the API answered. */
    public ReportView view(JsonNode report, Period period, String base, Locale locale) {
        JsonNode scope = report.path("scope");
        String level = scope.path("level").asText();
        String code = scope.path("code").isNull() ? null : scope.path("code").asText();
        String heading = switch (level) {
            case "NATIONAL" -> message("report.national.heading", locale);
            case "AGENCY" -> message("report.agency.heading", locale, code);
            default -> message("report.region.heading", locale, scope.path("name").asText(code), code);
        };
        List<Shown> headline = Arrays.stream(Figure.values())
                .map(figure -> new Shown(figure, text(figure, report, locale))).toList();
        JsonNode regionNames = report.path("regionNames");
        Table byRegion = table(report.path("byRegion"), period, base, locale, regionCode -> UNSPECIFIED.equals(regionCode)
                ? message("report.region.unspecified", locale)
                : regionNames.path(regionCode).asText(formats.regionName(regionCode)), true);
        Table byPeriod = table(report.path("byPeriod"), period, base, locale, Function.identity(), false);
        Table byChannel = table(report.path("byChannel"), period, base, locale,
                channel -> label("report.channel." + channel, channel, locale), false);
        Table byCategory = table(report.path("byCategory"), period, base, locale,
                category -> categories.find(category).map(Category::name).orElse(category), false);
        Table byClassification = table(report.path("byClassification"), period, base, locale,
                classification -> label("report.classification." + classification, classification, locale), false);
        return new ReportView(heading, code, headline,
                chart(message("report.chart.byRegion", locale), report.path("byRegion"), byRegion, locale),
                chart(message("report.chart.byPeriod", locale), report.path("byPeriod"), byPeriod, locale),
                byRegion, byPeriod, byChannel, byCategory, byClassification);
    }

    private Table table(JsonNode breakdown, Period period, String base, Locale locale, Function<String, String> label,
            boolean linkRegions) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : breakdown.properties()) {
            String code = entry.getKey();
            String link = linkRegions && base != null && !UNSPECIFIED.equals(code) ? regionReport(base, code, period) : null;
            rows.add(new Row(code, label.apply(code), link,
                    Figure.BREAKDOWN.stream().map(figure -> text(figure, entry.getValue(), locale)).toList()));
        }
        return new Table(Figure.BREAKDOWN, rows);
    }

    /** Complaints received, one bar per row of the breakdown. */
    private BarChart chart(String title, JsonNode breakdown, Table table, Locale locale) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Row row : table.rows()) {
            Double received = Figure.RECEIVED.value(breakdown.path(row.code()));
            double value = received == null ? 0 : received;
            bars.add(new BarChart.Bar(row.label(), value, formats.number((long) value, locale)));
        }
        return new BarChart(title, bars);
    }

    /** A figure's text, or the page's word for "no figure" (a rate over nothing is null, never 0). */
    public String text(Figure figure, JsonNode figures, Locale locale) {
        String text = figure.text(figures, formats, locale);
        return text.isEmpty() ? message("report.none", locale) : text;
    }

    /**
     * The fields the API refused (400), each in the person's language where the bundle words it
     * ({@code report.invalid.<field>}), else in the API's words.
     */
    public Map<String, String> refusals(ApiProblem problem, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, apiMessage) ->
                errors.put(field, messages.getMessage("report.invalid." + field, null, apiMessage, locale)));
        return errors;
    }

    public static String regionReport(String base, String code, Period period) {
        return UriComponentsBuilder.fromPath(base + "/regions/{code}").queryParams(period.query()).build(code).toString();
    }

    public static String agencyReport(String base, String code, Period period) {
        return UriComponentsBuilder.fromPath(base + "/agencies/{code}").queryParams(period.query()).build(code).toString();
    }

    String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A code's name in the person's language, or the code itself for one the bundle does not know (yet). */
    String label(String key, String code, Locale locale) {
        return messages.getMessage(key, null, code, locale);
    }
}
