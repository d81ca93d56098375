package id.aduan.web.ombudsman.rankings;

import id.aduan.web.report.Rankings;
import id.aduan.web.report.Reports;
import id.aduan.web.report.Rankings.Filter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The rankings as the Ombudsman reads them: the coordinators' filter, chart and table (report.Rankings). */
@Controller
class OmbudsmanRankings {

    static final String PATH = "/ombudsman/rankings";

    private final Rankings rankings;

    OmbudsmanRankings(Rankings rankings) {
        this.rankings = rankings;
    }

    @GetMapping(PATH)
    Mono<String> rankings(@ModelAttribute("filter") Filter filter, Model model, ServerWebExchange exchange) {
        return rankings.page(filter, PATH, Reports.OMBUDSMAN_BASE, "ombudsman/rankings", model, exchange.getLocaleContext().getLocale());
    }
}
