package id.aduan.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.chart.BarChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Regions of a level, or agencies, ranked by one figure over a period (GET /api/v1/reports/rankings,
 * docs/metrics.md): the same filter, chart and table for the coordinators' console and the Ombudsman.
 */
@Component
public class Rankings {

    public static final List<String> LEVELS = List.of("province", "regency", "district", "agency");
    public static final List<String> ORDERS = List.of("desc", "asc");
    private static final int PAGE_SIZE = 20;

    private final Api api;
    private final Reports reports;

    Rankings(Api api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    /**
     * The filter form's fields (GET), with defaults: complaints received, by province, most first.
     *
     * @param within a region whose regions (or agencies) alone are ranked
     */
    public record Filter(String metric, String level, String within, String from, String to, String order, Integer page) {

        public Filter {
            metric = orDefault(metric, Figure.RECEIVED.key());
            level = orDefault(level, "province");
            within = Period.blankToNull(within);
            from = Period.blankToNull(from);
            to = Period.blankToNull(to);
            order = orDefault(order, "desc");
            page = page == null || page < 0 ? 0 : page;
        }

        private static String orDefault(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value.strip();
        }

        /** The choices of the filter form. */
        public List<Figure> figures() {
            return List.of(Figure.values());
        }

        public List<String> levels() {
            return LEVELS;
        }

        public List<String> orders() {
            return ORDERS;
        }

        public Period period() {
            return new Period(from, to, null);
        }

        MultiValueMap<String, String> query(int page) {
            MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
            query.add("metric", metric);
            query.add("level", level);
            if (within != null) {
                query.add("within", within);
            }
            query.addAll(period().query());
            query.add("order", order);
            query.add("page", String.valueOf(page));
            return query;
        }

        /** The same ranking's other page, on the page at {@code path}. */
        public String pageLink(String path, int otherPage) {
            return UriComponentsBuilder.fromPath(path).queryParams(query(otherPage)).build().encode().toString();
        }
    }

    /**
     * @param figure the figure ranked by
     * @param rows this page's rows, ranked
     * @param next the next page's number, or null on the last
     */
    public record Ranking(Filter filter, Figure figure, long total, List<Row> rows, BarChart chart, Integer next) {

        public Integer previous() {
            return filter.page() > 0 ? filter.page() - 1 : null;
        }

        /** The figures shown beside the ranked one, for comparison. */
        public List<Figure> columns() {
            return Rankings.columns(figure);
        }
    }

    /** @param link the region's or agency's own report over the same period */
    public record Row(int rank, String code, String name, String value, String link, List<String> cells) {
    }

    /**
     * Fills a rankings page's model: the filter's choices, and the ranking, or the API's words beside the
     * fields it refused (400); then the page's view.
     */
    public Mono<String> page(Filter filter, String path, String reportsBase, String view, Model model, Locale locale) {
        model.addAttribute("path", path);
        model.addAttribute("reportsBase", reportsBase);
        return rank(filter, reportsBase, locale)
                .doOnNext(ranking -> model.addAttribute("ranking", ranking))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400)) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", reports.refusals(problem, locale));
                    return Mono.empty();
                })
                .thenReturn(view);
    }

    /** @param reportsBase where the person opens reports, for the links from each row to its report */
    public Mono<Ranking> rank(Filter filter, String reportsBase, Locale locale) {
        MultiValueMap<String, String> query = filter.query(filter.page());
        query.add("size", String.valueOf(PAGE_SIZE));
        return api.client().get().uri(builder -> builder.path("/api/v1/reports/rankings").queryParams(query).build())
                .retrieve().bodyToMono(JsonNode.class)
                .map(answer -> ranking(filter, answer, reportsBase, locale));
    }

    private static List<Figure> columns(Figure ranked) {
        return Figure.BREAKDOWN.stream().filter(column -> column != ranked).toList();
    }

    private Ranking ranking(Filter filter, JsonNode answer, String reportsBase, Locale locale) {
        Figure figure = Figure.of(filter.metric()).orElse(Figure.RECEIVED);
        boolean agencies = "agency".equals(filter.level());
        List<Row> rows = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            String code = item.path("code").asText();
            String name = item.path("name").isTextual() ? item.path("name").asText() : code;
            JsonNode figures = item.path("figures");
            String value = reports.text(figure, figures, locale);
            String link = agencies ? Reports.agencyReport(reportsBase, code, filter.period())
                    : Reports.regionReport(reportsBase, code, filter.period());
            rows.add(new Row(item.path("rank").asInt(), code, name, value, link,
                    columns(figure).stream().map(column -> reports.text(column, figures, locale)).toList()));
            Double shown = figure.value(figures);
            bars.add(new BarChart.Bar(agencies ? code : name, shown == null ? 0 : shown, value));
        }
        String title = reports.message("report.rankings.chart", locale,
                reports.message("report.figure." + figure.key(), locale), reports.message("report.rankings.by." + filter.level(), locale));
        Integer next = answer.path("next").isNumber() ? answer.path("next").asInt() : null;
        return new Ranking(filter, figure, answer.path("total").asLong(), rows, new BarChart(title, bars), next);
    }
}
