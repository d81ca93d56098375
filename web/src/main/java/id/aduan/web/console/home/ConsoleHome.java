package id.aduan.web.console.home;

import id.aduan.web.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/**
 * The coordinator's start page, where logging in lands: how much waits in the verification queue and the
 * coordinators' queue, how many complaints are overdue, and the way to each console page. Each count is the
 * list's {@code total}, read with a one-row page.
 */
@Controller
class ConsoleHome {

    private final Api api;

    ConsoleHome(Api api) {
        this.api = api;
    }

    /** What every list of the API answers (docs/api.md, "Lists"); only its total is needed here. */
    record Total(long total) {
    }

    @GetMapping("/console")
    Mono<String> home(Model model) {
        return Mono.zip(total("/api/v1/inbox/verification?limit=1"), total("/api/v1/routing/queue?size=1"),
                        total("/api/v1/reports/overdue?size=1"))
                .map(totals -> {
                    model.addAttribute("verification", totals.getT1());
                    model.addAttribute("routing", totals.getT2());
                    model.addAttribute("overdue", totals.getT3());
                    return "console/home";
                });
    }

    private Mono<Long> total(String list) {
        return api.client().get().uri(list).retrieve().bodyToMono(Total.class).map(Total::total);
    }
}
