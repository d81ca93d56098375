package id.aduan.web.citizen.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.web.api.Api;
import id.aduan.web.chart.BarChart;
import id.aduan.web.i18n.Formats;
import id.aduan.web.reference.Pickers;
import id.aduan.web.reference.RegionChoice;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The public statistics (docs/metrics.md, {@code GET /api/v1/public/statistics}) of a year and a region: complaints
 * received and completed, as bar charts drawn on the server with the same numbers in tables. Groups the API
 * withholds (fewer than its minimum of complaints) are listed as withheld and never drawn.
 */
@Controller
class StatisticsPage {

    private final Api api;
    private final Pickers pickers;
    private final Formats formats;
    private final MessageSource messages;

    StatisticsPage(Api api, Pickers pickers, Formats formats, MessageSource messages) {
        this.api = api;
        this.pickers = pickers;
        this.formats = formats;
        this.messages = messages;
    }

    /** One row of a table: a group's name and its figures; {@code withheld} when the API shows no figures for it. */
    public record Row(String name, boolean withheld, long received, long completed, Double completionRate) {
    }

    /** A breakdown (by region, category, month): its rows and the chart of the rows that are shown. */
    public record Breakdown(String key, List<Row> rows, BarChart chart) {
    }

    @GetMapping("/statistics")
    Mono<String> statistics(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange, Model model) {
        Locale locale = exchange.getLocaleContext().getLocale();
        int thisYear = Year.now(ZoneId.of("Asia/Jakarta")).getValue();
        String yearText = parameters.getFirst("year");
        int year = yearText != null && yearText.matches("20[0-9]{2}") ? Integer.parseInt(yearText) : thisYear;
        String picked = parameters.getFirst("regionPick");
        String region = picked != null && !picked.isBlank() ? picked : RegionChoice.of(parameters.get("region"));
        if ("search".equals(parameters.getFirst("regionAction"))) {
            String query = parameters.getFirst("regionQuery");
            model.addAttribute("regionQuery", query);
            model.addAttribute("regionMatches", pickers.search(query));
        }
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.rangeClosed(thisYear - 4, thisYear).boxed().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("region", region);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/public/statistics").queryParam("year", year);
        if (!region.isEmpty()) {
            uri.queryParam("region", region);
        }
        return api.client().get().uri(uri.build().toUriString()).retrieve().bodyToMono(JsonNode.class).map(statistics -> {
            model.addAttribute("statistics", statistics);
            model.addAttribute("total", row(statistics.path("scope").path("name").asText(), statistics.path("total")));
            model.addAttribute("totalChart", totalChart(statistics.path("total"), locale));
            List<Breakdown> breakdowns = new ArrayList<>();
            for (String key : List.of("byRegion", "byCategory", "byMonth")) {
                breakdowns.add(breakdown(key, statistics.path(key), locale));
            }
            model.addAttribute("breakdowns", breakdowns);
            return "citizen/statistics";
        });
    }

    private Breakdown breakdown(String key, JsonNode groups, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            String name = key.equals("byMonth") ? monthName(group.getKey(), locale)
                    : group.getValue().path("name").asText(key.equals("byRegion") ? formats.regionName(group.getKey()) : group.getKey());
            rows.add(row(name, group.getValue()));
        }
        List<BarChart.Bar> bars = rows.stream().filter(row -> !row.withheld())
                .map(row -> new BarChart.Bar(row.name(), row.received(), formats.number(row.received(), locale))).toList();
        String title = messages.getMessage("citizen.statistics.chart." + key, null, locale);
        return new Breakdown(key, rows, bars.isEmpty() ? null : new BarChart(title, bars));
    }

    private BarChart totalChart(JsonNode total, Locale locale) {
        if (total.path("suppressed").asBoolean(true)) {
            return null;
        }
        long received = total.path("received").asLong();
        long completed = total.path("completed").asLong();
        return new BarChart(messages.getMessage("citizen.statistics.chart.total", null, locale), List.of(
                new BarChart.Bar(messages.getMessage("citizen.statistics.received", null, locale), received, formats.number(received, locale)),
                new BarChart.Bar(messages.getMessage("citizen.statistics.completed", null, locale), completed, formats.number(completed, locale))));
    }

    private static Row row(String name, JsonNode bucket) {
        boolean withheld = bucket.path("suppressed").asBoolean(true);
        return new Row(name, withheld, bucket.path("received").asLong(), bucket.path("completed").asLong(),
                bucket.hasNonNull("completionRate") ? bucket.path("completionRate").asDouble() : null);
    }

    private static String monthName(String month, Locale locale) {
        try {
            return YearMonth.parse(month).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
        } catch (RuntimeException notAMonth) {
            return month;
        }
    }
}
