package id.aduan.web.agency.report;

import id.aduan.web.report.Period;
import id.aduan.web.report.Reports;
import id.aduan.web.security.Person;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The agency's own performance ({@code /agency/report}): the report the coordinators and the Ombudsman read of
 * it (report.Reports), for a period, without links to other reports. The API gives it to the agency admin
 * only; a liaison officer is told so.
 */
@Controller
class ReportController {

    static final String PATH = "/agency/report";

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(PATH)
    Mono<String> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, Authentication authentication, Model model,
            ServerWebExchange exchange) {
        Person person = Person.of(authentication).orElseThrow();
        Period period = new Period(from, to, interval);
        if (!person.has(Person.AGENCY)) {
            model.addAttribute("adminOnly", true);
            model.addAttribute("period", period);
            return Mono.just("report/report");
        }
        model.addAttribute("agencyCode", person.agency());
        return reports.page(reports.agency(person.agency(), period), period, null, PATH, model,
                exchange.getLocaleContext().getLocale());
    }
}
