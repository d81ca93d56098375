package id.aduan.web.agency.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.chart.BarChart;
import id.aduan.web.i18n.Formats;
import id.aduan.web.security.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The agency's own performance ({@code /agency/report}): {@code GET /api/v1/reports/agencies/{code}} for a period,
 * its counts as a bar chart and every figure in a table (docs/metrics.md). The API gives it to the agency admin
 * only; a liaison officer is told so.
 */
@Controller
class ReportController {

    /** The counts the chart shows, in the order a complaint goes through them. */
    static final List<String> COUNTS = List.of("received", "verified", "routedIn", "followedUp", "completed", "open", "overdue",
            "forwardedOut");
    /** Rates and averages: in the table only, since they do not share the counts' scale. */
    static final List<String> RATES = List.of("completionRate", "slaCompliance");
    static final List<String> AVERAGES = List.of("averageVerificationWorkingDays", "averageFollowUpWorkingDays",
            "averageCompletionDays", "satisfaction");

    private final Api api;
    private final Formats formats;
    private final MessageSource messages;
    private final Categories categories = Categories.tree();

    ReportController(Api api, Formats formats, MessageSource messages) {
        this.api = api;
        this.formats = formats;
        this.messages = messages;
    }

    /** The period: days (2026-01-01), as the API reads them; blank for the API's default. */
    record Period(String from, String to) {

        MultiValueMap<String, String> query() {
            MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
            if (from != null && !from.isBlank()) {
                query.add("from", from.trim());
            }
            if (to != null && !to.isBlank()) {
                query.add("to", to.trim());
            }
            return query;
        }
    }

    /** A row of the figures table. */
    record Figure(String name, String value) {
    }

    @GetMapping("/agency/report")
    Mono<String> report(@ModelAttribute("period") Period period, Authentication authentication, ServerWebExchange exchange, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!person.has(Person.AGENCY)) {
            model.addAttribute("adminOnly", true);
            return Mono.just("agency/report");
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        return api.client().get()
                .uri(uri -> uri.path("/api/v1/reports/agencies/{code}").queryParams(period.query()).build(person.agency()))
                .retrieve().bodyToMono(JsonNode.class)
                .map(report -> {
                    model.addAttribute("report", report);
                    model.addAttribute("fromDay", day(report.path("from"), person));
                    model.addAttribute("toDay", day(report.path("to"), person));
                    model.addAttribute("chart", countsChart(report, locale));
                    model.addAttribute("figures", figures(report, locale));
                    model.addAttribute("categoryChart", categoryChart(report, locale));
                    return "agency/report";
                })
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400)) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", problem.fieldErrors().isEmpty() ? Map.of("from", problem.detail()) : problem.fieldErrors());
                    return Mono.just("agency/report");
                });
    }

    BarChart countsChart(JsonNode report, Locale locale) {
        List<BarChart.Bar> bars = COUNTS.stream().map(name -> {
            long value = report.path(name).asLong();
            return new BarChart.Bar(label(name, locale), value, formats.number(value, locale));
        }).toList();
        return new BarChart(messages.getMessage("agency.report.chart", null, locale), bars);
    }

    /** Complaints received per category, those with any. */
    BarChart categoryChart(JsonNode report, Locale locale) {
        List<BarChart.Bar> bars = new ArrayList<>();
        report.path("byCategory").fields().forEachRemaining(entry -> {
            long received = entry.getValue().path("received").asLong();
            if (received > 0) {
                String name = categories.find(entry.getKey()).map(Category::name).orElse(entry.getKey());
                bars.add(new BarChart.Bar(name, received, formats.number(received, locale)));
            }
        });
        return new BarChart(messages.getMessage("agency.report.byCategory", null, locale), bars);
    }

    List<Figure> figures(JsonNode report, Locale locale) {
        List<Figure> figures = new ArrayList<>();
        COUNTS.forEach(name -> figures.add(new Figure(label(name, locale), formats.number(report.path(name).asLong(), locale))));
        RATES.forEach(name -> figures.add(new Figure(label(name, locale), report.path(name).isNumber()
                ? formats.percent(report.path(name).asDouble(), locale) : none(locale))));
        AVERAGES.forEach(name -> figures.add(new Figure(label(name, locale), report.path(name).isNumber()
                ? formats.number(Math.round(report.path(name).asDouble() * 10) / 10.0, locale) : none(locale))));
        return figures;
    }

    private String label(String figure, Locale locale) {
        return messages.getMessage("agency.report.figure." + figure, null, locale);
    }

    /** The period's bound as the report gives it, a day or an instant; null for an open end. */
    private LocalDate day(JsonNode bound, Person person) {
        if (!bound.isTextual()) {
            return null;
        }
        String text = bound.asText();
        return text.length() == 10 ? LocalDate.parse(text) : Instant.parse(text).atZone(formats.zoneOf(person.agency())).toLocalDate();
    }

    private String none(Locale locale) {
        return messages.getMessage("agency.report.none", null, locale);
    }
}
