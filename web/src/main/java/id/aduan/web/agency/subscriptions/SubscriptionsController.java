package id.aduan.web.agency.subscriptions;

import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.security.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The agency's subscriptions ({@code /agency/subscriptions}, docs/subscriptions.md): its webhooks, registered,
 * watched and deleted here, and the address of its event stream. The API lets the agency admin do all of it and a
 * liaison officer none, so a liaison officer is told whom to ask.
 */
@Controller
class SubscriptionsController {

    /** The new webhook's secret, kept in the session for the one page that shows it after the redirect. */
    static final String NEW_SECRET = "agency.subscriptions.newSecret";

    private final Api api;

    SubscriptionsController(Api api) {
        this.api = api;
    }

    record Delivery(Long deliveredUpTo, Long backlog, Instant lastAttemptAt, Integer lastStatus, String lastError,
            Instant lastSuccessAt, Instant nextAttemptAt, Integer failuresInARow) {
    }

    record Webhook(String id, String agencyCode, String url, Instant createdAt, Delivery delivery, String secret) {
    }

    record RegisterForm(String url) {
    }

    @GetMapping("/agency/subscriptions")
    Mono<String> subscriptions(@RequestParam(required = false) String done, Authentication authentication,
            ServerWebExchange exchange, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!person.has(Person.AGENCY)) {
            model.addAttribute("adminOnly", true);
            return Mono.just("agency/subscriptions");
        }
        if (done != null && done.matches("registered|deleted")) {
            model.addAttribute("done", done);
        }
        return exchange.getSession()
                .doOnNext(session -> {
                    Object secret = session.getAttributes().remove(NEW_SECRET);
                    if (secret != null) {
                        model.addAttribute("newSecret", secret);
                    }
                })
                .then(list(person, model));
    }

    @PostMapping("/agency/subscriptions")
    Mono<String> register(RegisterForm form, Authentication authentication, ServerWebExchange exchange, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        String url = form.url() == null ? "" : form.url().trim();
        return api.client().post().uri("/api/v1/agencies/{code}/webhooks", person.agency())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
                .retrieve().bodyToMono(Webhook.class)
                .flatMap(registered -> exchange.getSession()
                        .doOnNext(session -> session.getAttributes().put(NEW_SECRET, registered.secret())))
                .thenReturn("redirect:/agency/subscriptions?done=registered")
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!(problem.is(400) || problem.is(409))) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", Map.of("url", problem.fieldErrors().getOrDefault("url", problem.detail())));
                    model.addAttribute("url", url);
                    return list(person, model);
                });
    }

    /** One webhook and how its deliveries go. */
    @GetMapping("/agency/subscriptions/{id}")
    Mono<String> webhook(@PathVariable String id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        return api.client().get().uri("/api/v1/agencies/{code}/webhooks/{id}", person.agency(), id)
                .retrieve().bodyToMono(Webhook.class)
                .doOnNext(webhook -> model.addAttribute("webhook", webhook))
                .thenReturn("agency/webhook");
    }

    @PostMapping("/agency/subscriptions/{id}/delete")
    Mono<String> delete(@PathVariable String id, Authentication authentication) {
        Person person = Person.of(authentication).orElseThrow();
        return api.client().delete().uri("/api/v1/agencies/{code}/webhooks/{id}", person.agency(), id)
                .retrieve().toBodilessEntity()
                .thenReturn("redirect:/agency/subscriptions?done=deleted");
    }

    private Mono<String> list(Person person, Model model) {
        return api.client().get().uri("/api/v1/agencies/{code}/webhooks", person.agency())
                .retrieve().bodyToMono(new ParameterizedTypeReference<List<Webhook>>() {
                })
                .defaultIfEmpty(List.of())
                .doOnNext(webhooks -> model.addAttribute("webhooks", webhooks))
                .thenReturn("agency/subscriptions");
    }
}
