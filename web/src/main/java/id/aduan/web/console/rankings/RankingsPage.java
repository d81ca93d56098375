package id.aduan.web.console.rankings;

import id.aduan.web.report.Rankings;
import id.aduan.web.report.Reports;
import id.aduan.web.report.Rankings.Filter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The coordinators' rankings of regions or agencies by one figure over a period (report.Rankings). */
@Controller
class RankingsPage {

    static final String PATH = "/console/rankings";

    private final Rankings rankings;

    RankingsPage(Rankings rankings) {
        this.rankings = rankings;
    }

    @GetMapping(PATH)
    Mono<String> rankings(@ModelAttribute("filter") Filter filter, Model model, ServerWebExchange exchange) {
        return rankings.page(filter, PATH, Reports.CONSOLE_BASE, "console/rankings", model, exchange.getLocaleContext().getLocale());
    }
}
