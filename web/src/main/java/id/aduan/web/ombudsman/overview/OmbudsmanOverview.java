package id.aduan.web.ombudsman.overview;

import id.aduan.web.WebSettings;
import id.aduan.web.report.OverdueList;
import id.aduan.web.report.Period;
import id.aduan.web.report.Rankings;
import id.aduan.web.report.Reports;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Where the Ombudsman lands after logging in: the nation's figures, the way to each region's and agency's
 * report, what is overdue now, the dashboards, and a case lookup. Read-only, as the Ombudsman's role is.
 */
@Controller
class OmbudsmanOverview {

    /** The dashboards deploy/grafana/dashboards provisions, by uid: their titles are the bundle's. */
    static final List<Dashboard> DASHBOARDS = List.of(new Dashboard("aduan-ombudsman", "ombudsman.dashboard.review"),
            new Dashboard("aduan-national", "ombudsman.dashboard.national"));
    private static final int TOP_AGENCIES = 10;
    private static final int OVERDUE_SHOWN = 10;

    private final Reports reports;
    private final Rankings rankings;
    private final OverdueList overdue;
    private final WebSettings settings;

    OmbudsmanOverview(Reports reports, Rankings rankings, OverdueList overdue, WebSettings settings) {
        this.reports = reports;
        this.rankings = rankings;
        this.overdue = overdue;
        this.settings = settings;
    }

    /** @param messageKey the dashboard's name in the bundle */
    record Dashboard(String uid, String messageKey) {
    }

    /** A dashboard's address on the configured Grafana. */
    record DashboardLink(String url, String messageKey) {
    }

    @GetMapping("/ombudsman")
    Mono<String> overview(Model model, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Period allTime = new Period(null, null, "month");
        model.addAttribute("dashboards", DASHBOARDS.stream().map(dashboard -> new DashboardLink(
                UriComponentsBuilder.fromUri(settings.grafanaUrl()).path("/d/{uid}").build(dashboard.uid()).toString(),
                dashboard.messageKey())).toList());
        var agencies = new Rankings.Filter("received", "agency", null, null, null, "desc", 0);
        model.addAttribute("reportsBase", Reports.OMBUDSMAN_BASE);
        return Mono.zip(reports.national(allTime), rankings.rank(agencies, Reports.OMBUDSMAN_BASE, locale),
                        overdue.page(null, 0, OVERDUE_SHOWN))
                .doOnNext(all -> {
                    model.addAttribute("report", reports.view(all.getT1(), allTime, Reports.OMBUDSMAN_BASE, locale));
                    model.addAttribute("agencies", all.getT2().rows().stream().limit(TOP_AGENCIES).toList());
                    model.addAttribute("overdue", all.getT3());
                })
                .thenReturn("ombudsman/overview");
    }

    /** The lookup form's answer: the case file of the tracking id typed in. */
    @GetMapping("/ombudsman/complaints")
    Mono<String> lookUp(@RequestParam(required = false) String trackingId) {
        String id = trackingId == null ? "" : trackingId.strip().toUpperCase(Locale.ROOT);
        if (id.isEmpty()) {
            return Mono.just("redirect:/ombudsman");
        }
        return Mono.just("redirect:" + UriComponentsBuilder.fromPath("/ombudsman/complaints/{id}").build(id));
    }
}
