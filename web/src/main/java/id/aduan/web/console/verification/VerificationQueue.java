package id.aduan.web.console.verification;

import id.aduan.web.api.Api;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * The coordinators' verification queue (docs/inbox.md, "verification queue"): complaints awaiting
 * verification or deferred, next due first, a page at a time.
 */
@Controller
class VerificationQueue {

    static final int PAGE_SIZE = 20;
    /** Next due first (the default), or the longest waiting first. */
    static final List<String> ORDERS = List.of("due", "received");

    private final Api api;

    VerificationQueue(Api api) {
        this.api = api;
    }

    /** One row of {@code GET /api/v1/inbox/verification}. */
    record Row(String trackingId, String title, String status, String categoryCode, String regionCode, String channel,
            Instant receivedAt, Instant nextDueAt, String nextClock, boolean clockPaused, boolean overdue) {
    }

    record QueuePage(long total, List<Row> items, String next) {
    }

    @GetMapping("/console/verification")
    Mono<String> queue(@RequestParam Optional<String> cursor, @RequestParam Optional<String> sort,
            @RequestParam Optional<String> done, @RequestParam Optional<String> id, Model model) {
        String order = sort.filter(ORDERS::contains).orElse(ORDERS.get(0));
        return api.client().get()
                .uri(uri -> uri.path("/api/v1/inbox/verification").queryParam("sort", order).queryParam("limit", PAGE_SIZE)
                        .queryParamIfPresent("cursor", cursor.filter(value -> !value.isBlank())).build())
                .retrieve().bodyToMono(QueuePage.class)
                .map(page -> {
                    model.addAttribute("page", page);
                    model.addAttribute("cursor", cursor.orElse(null));
                    model.addAttribute("sort", order);
                    model.addAttribute("orders", ORDERS);
                    done.filter(VerificationActions.OUTCOMES::contains).ifPresent(outcome -> model.addAttribute("done", outcome));
                    model.addAttribute("doneId", id.orElse(null));
                    return "console/verification";
                });
    }
}
