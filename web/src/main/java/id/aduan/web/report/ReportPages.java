package id.aduan.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.web.api.ApiProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The performance reports both the coordinators and the Ombudsman read (docs/metrics.md): the nation's, a
 * region's and an agency's over a period, and the list of overdue complaints. Read-only: the API decides
 * what each may see.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private static final int OVERDUE_PAGE_SIZE = 25;

    private final Reports reports;
    private final OverdueList overdue;

    ReportPages(Reports reports, OverdueList overdue) {
        this.reports = reports;
        this.overdue = overdue;
    }

    @GetMapping("/national")
    Mono<String> national(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, Model model, ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        return show(reports.national(period), period, "/reports/national", model, exchange);
    }

    @GetMapping("/regions/{code}")
    Mono<String> region(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String interval, Model model,
            ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        return show(reports.region(code, period), period, Reports.regionReport(code, new Period(null, null, null)), model,
                exchange);
    }

    @GetMapping("/agencies/{code}")
    Mono<String> agency(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String interval, Model model,
            ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        model.addAttribute("agencyCode", code);
        return show(reports.agency(code, period), period, Reports.agencyReport(code, new Period(null, null, null)), model,
                exchange);
    }

    /** A refused period (400 naming from, to or interval) shows the form again with the API's words beside the field. */
    private Mono<String> show(Mono<JsonNode> report, Period period, String path, Model model, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("period", period);
        model.addAttribute("intervals", Period.INTERVALS);
        model.addAttribute("formPath", path);
        return report.doOnNext(answer -> model.addAttribute("report", reports.view(answer, period, locale)))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400) || problem.fieldErrors().isEmpty()) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", reports.refusals(problem, locale));
                    return Mono.empty();
                })
                .thenReturn("report/report");
    }

    @GetMapping("/overdue")
    Mono<String> overdue(@RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
            Model model, ServerWebExchange exchange) {
        String onlyAgency = Period.blankToNull(agency);
        return overdue.page(onlyAgency, Math.max(0, page), OVERDUE_PAGE_SIZE)
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400)) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", reports.refusals(problem, exchange.getLocaleContext().getLocale()));
                    return Mono.just(new OverdueList.Page(onlyAgency, 0, 0, List.of(), null));
                })
                .doOnNext(list -> model.addAttribute("overdue", list))
                .thenReturn("report/overdue");
    }
}
