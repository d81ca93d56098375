package id.aduan.web.console.routing;

import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The coordinators' queue (docs/routing.md): complaints no competence rule placed, or that every competent agency
 * declined, longest waiting first; and the disposition (disposisi) by hand of one of them to an agency, beside its
 * routing chain so far.
 */
@Controller
class RoutingQueue {

    static final int PAGE_SIZE = 20;
    private static final int LONGEST_REASON = 2000;

    private final Api api;
    private final MessageSource messages;

    RoutingQueue(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    record Inputs(String categoryCode, String regionCode, String addressedAgencyCode, String suggestedAgencyCode,
            List<String> declinedAgencyCodes) {
    }

    /** One entry of {@code GET /api/v1/routing/queue}. */
    record Waiting(String complaintId, Instant waitingSince, String step, String why, String actor, String reason,
            String previousAgencyCode, int hop, Inputs inputs, boolean overdue, boolean warned) {
    }

    record QueuePage(int page, int size, long total, List<Waiting> items, Integer next) {
    }

    /** One step of {@code GET /api/v1/complaints/{id}/routing}. */
    record Decision(int stepNumber, String step, String destination, String agencyCode, String unitCode,
            String previousAgencyCode, String rule, String explanation, String actor, String reason, Instant routedAt,
            Inputs inputs) {
    }

    record RoutingHistory(String complaintId, List<Decision> decisions) {
    }

    record RulesInForce(String version, List<AgencyChoices.Rule> rules) {
    }

    @GetMapping("/console/routing")
    Mono<String> queue(@RequestParam(defaultValue = "0") int page, @RequestParam Optional<String> done,
            @RequestParam Optional<String> id, @RequestParam Optional<String> agency, Model model) {
        return api.client().get()
                .uri(uri -> uri.path("/api/v1/routing/queue").queryParam("page", Math.max(page, 0)).queryParam("size", PAGE_SIZE).build())
                .retrieve().bodyToMono(QueuePage.class)
                .map(queue -> {
                    model.addAttribute("queue", queue);
                    if (done.filter("disposed"::equals).isPresent()) {
                        model.addAttribute("disposedId", id.orElse(""));
                        model.addAttribute("disposedTo", agency.orElse(""));
                    }
                    return "console/routing";
                });
    }

    @GetMapping("/console/routing/{complaintId}")
    Mono<String> complaint(@PathVariable String complaintId, Model model) {
        return page(complaintId, model, Map.of(), null, Map.of());
    }

    @PostMapping("/console/routing/{complaintId}/disposition")
    Mono<String> dispose(@PathVariable String complaintId, ServerWebExchange exchange, Model model) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).flatMap(form -> {
            String agencyCode = form.getOrDefault("agencyCode", "").strip();
            String reason = form.getOrDefault("reason", "").strip();
            Map<String, String> errors = new LinkedHashMap<>();
            if (agencyCode.isEmpty()) {
                errors.put("agencyCode", messages.getMessage("console.routing.error.agencyCode", null, locale));
            }
            if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
                errors.put("reason", messages.getMessage("console.routing.error.reason", null, locale));
            }
            if (!errors.isEmpty()) {
                return page(complaintId, model, errors, null, form);
            }
            return api.client().post().uri("/api/v1/complaints/{id}/disposition", complaintId)
                    .bodyValue(Map.of("agencyCode", agencyCode, "reason", reason))
                    .retrieve().toBodilessEntity()
                    .thenReturn("redirect:" + UriComponentsBuilder.fromPath("/console/routing").queryParam("done", "disposed")
                            .queryParam("id", complaintId).queryParam("agency", agencyCode).encode().build().toUriString())
                    .onErrorResume(ApiProblem.class, problem -> problem.is(400) || problem.is(409)
                            ? page(complaintId, model, problem.fieldErrors(), problem.fieldErrors().isEmpty() ? problem.detail() : null, form)
                            : Mono.error(problem));
        });
    }

    private Mono<String> page(String complaintId, Model model, Map<String, String> errors, String refusal, Map<String, String> form) {
        Mono<RoutingHistory> history = api.client().get().uri("/api/v1/complaints/{id}/routing", complaintId)
                .retrieve().bodyToMono(RoutingHistory.class);
        Mono<RulesInForce> rules = api.client().get().uri("/api/v1/routing/rules").retrieve().bodyToMono(RulesInForce.class);
        return Mono.zip(history, rules).map(both -> {
            RoutingHistory chain = both.getT1();
            Decision latest = chain.decisions().isEmpty() ? null : chain.decisions().get(chain.decisions().size() - 1);
            String regionCode = latest == null || latest.inputs() == null ? null : latest.inputs().regionCode();
            model.addAttribute("complaintId", complaintId);
            model.addAttribute("decisions", chain.decisions());
            model.addAttribute("latest", latest);
            model.addAttribute("agencyChoices", AgencyChoices.forLocation(both.getT2().rules(), regionCode));
            model.addAttribute("errors", errors);
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", form);
            return "console/routing-complaint";
        });
    }
}
