package id.aduan.web.report;

import id.aduan.web.api.ApiProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The performance reports both the coordinators and the Ombudsman read (docs/metrics.md): the nation's, a
 * region's and an agency's over a period, and the list of overdue complaints. Each role opens them inside its
 * own area ({@link Reports#CONSOLE_BASE}, {@link Reports#OMBUDSMAN_BASE}), so the login rules and the gateway's
 * routes to the web app need nothing new. Read-only: the API decides what each may see.
 */
@Controller
class ReportPages {

    private static final int OVERDUE_PAGE_SIZE = 25;
    private static final String CONSOLE = Reports.CONSOLE_BASE;
    private static final String OMBUDSMAN = Reports.OMBUDSMAN_BASE;

    private final Reports reports;
    private final OverdueList overdue;

    ReportPages(Reports reports, OverdueList overdue) {
        this.reports = reports;
        this.overdue = overdue;
    }

    @GetMapping({CONSOLE + "/national", OMBUDSMAN + "/national"})
    Mono<String> national(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, Model model, ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        String base = base(exchange);
        return reports.page(reports.national(period), period, base, base + "/national", model, locale(exchange));
    }

    @GetMapping({CONSOLE + "/regions/{code}", OMBUDSMAN + "/regions/{code}"})
    Mono<String> region(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String interval, Model model,
            ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        String base = base(exchange);
        return reports.page(reports.region(code, period), period, base, Reports.regionReport(base, code, Period.ALL_TIME), model,
                locale(exchange));
    }

    @GetMapping({CONSOLE + "/agencies/{code}", OMBUDSMAN + "/agencies/{code}"})
    Mono<String> agency(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String interval, Model model,
            ServerWebExchange exchange) {
        Period period = new Period(from, to, interval);
        String base = base(exchange);
        model.addAttribute("agencyCode", code);
        return reports.page(reports.agency(code, period), period, base, Reports.agencyReport(base, code, Period.ALL_TIME), model,
                locale(exchange));
    }

    @GetMapping({CONSOLE + "/overdue", OMBUDSMAN + "/overdue"})
    Mono<String> overdue(@RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
            Model model, ServerWebExchange exchange) {
        String onlyAgency = Period.blankToNull(agency);
        model.addAttribute("reportsBase", base(exchange));
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

    private static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale();
    }

    private static String base(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith(CONSOLE + "/") ? CONSOLE : OMBUDSMAN;
    }
}
