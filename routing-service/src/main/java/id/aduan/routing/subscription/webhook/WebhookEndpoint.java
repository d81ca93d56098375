package id.aduan.routing.subscription.webhook;

import id.aduan.platform.security.Actor;
import id.aduan.platform.security.HmacSignature;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import id.aduan.routing.subscription.AgencyAccess;
import id.aduan.routing.subscription.SubscriptionSettings;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.delivery.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An agency's webhooks: it registers a URL and gets the signing secret once; it sees how delivery
 * to each goes; it removes them. A new webhook receives what routing appends to the agency's feed
 * from its registration on.
 */
@RestController
class WebhookEndpoint {

    record RegisterWebhook(@NotBlank String url) {
    }

    /** The answer to a registration: the only time the secret is shown. */
    record RegisteredWebhook(String id, String agencyCode, String url, String secret, Instant createdAt, Delivery delivery) {
    }

    record Webhook(String id, String agencyCode, String url, Instant createdAt, Delivery delivery) {
    }

    /**
     * @param deliveredUpTo the number (SSE id, {@code X-Aduan-Sequence}) of the last event delivered
     * @param backlog how many events wait behind it
     * @param lastStatus the HTTP status of the last call, when there was an answer
     * @param lastError why the last attempt failed; null after a success
     * @param nextAttemptAt when the next attempt is due, while failing
     */
    record Delivery(long deliveredUpTo, long backlog, Instant lastAttemptAt, Integer lastStatus, String lastError,
            Instant lastSuccessAt, Instant nextAttemptAt, int failuresInARow) {

        static Delivery of(Subscription subscription) {
            Subscription.Status status = subscription.status();
            boolean failing = status.failuresInARow() > 0;
            return new Delivery(subscription.deliveredUpTo(), subscription.backlog(), status.lastAttemptAt(),
                    status.lastStatus(), status.lastError(), status.lastSuccessAt(), failing ? status.nextAttemptAt() : null,
                    status.failuresInARow());
        }
    }

    private final Subscriptions subscriptions;
    private final WebhookUrlRules urlRules;
    private final int maxPerAgency;

    WebhookEndpoint(Subscriptions subscriptions, WebhookUrlRules urlRules, SubscriptionSettings settings) {
        this.subscriptions = subscriptions;
        this.urlRules = urlRules;
        this.maxPerAgency = settings.webhooks().maxPerAgency();
    }

    @Operation(summary = "Register a webhook for an agency's events")
    @Problems(ProblemType.CONFLICT)
    @ApiResponse(responseCode = "201", description = "Registered, with the secret that signs its deliveries", useReturnTypeSchema = true)
    @PostMapping("/api/v1/agencies/{code}/webhooks")
    @PreAuthorize("hasRole('AGENCY')")
    Mono<ResponseEntity<RegisteredWebhook>> register(@PathVariable String code, @Valid @RequestBody RegisterWebhook request,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        AgencyAccess.requireAgency(actor, code);
        String url = request.url().strip();
        // The rules resolve the host name: off the request threads.
        return Mono.fromCallable(() -> urlRules.problem(url)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(problem -> problem.isPresent()
                        ? Mono.error(ProblemResponses.invalidField("url", problem.get()))
                        : subscriptions.count(code, Subscription.Kind.WEBHOOK))
                .flatMap(registered -> registered >= maxPerAgency
                        ? Mono.error(ProblemResponses.problem(HttpStatus.CONFLICT, "Agency " + code + " already has " + registered
                                + " webhooks, the most allowed; remove one first."))
                        : subscriptions.registerWebhook(code, url, HmacSignature.newSecret(), actor.subject()))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/agencies/" + code + "/webhooks/" + created.id()))
                        .body(new RegisteredWebhook(created.id(), code, created.url(), created.secret(), created.createdAt(),
                                Delivery.of(created))));
    }

    @Operation(summary = "List an agency's webhooks")
    @GetMapping("/api/v1/agencies/{code}/webhooks")
    @PreAuthorize("hasAnyRole('AGENCY', 'COORDINATOR')")
    Flux<Webhook> list(@PathVariable String code, @AuthenticationPrincipal Jwt token) {
        AgencyAccess.requireWatcher(Actor.of(token), code);
        return subscriptions.of(code, Subscription.Kind.WEBHOOK).map(WebhookEndpoint::view);
    }

    @Operation(summary = "Read one webhook and its deliveries")
    @GetMapping("/api/v1/agencies/{code}/webhooks/{id}")
    @PreAuthorize("hasAnyRole('AGENCY', 'COORDINATOR')")
    Mono<Webhook> one(@PathVariable String code, @PathVariable String id, @AuthenticationPrincipal Jwt token) {
        AgencyAccess.requireWatcher(Actor.of(token), code);
        return subscriptions.find(code, id)
                .filter(found -> found.kind() == Subscription.Kind.WEBHOOK)
                .map(WebhookEndpoint::view)
                .switchIfEmpty(Mono.error(() -> notFound(code, id)));
    }

    @Operation(summary = "Remove a webhook")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/agencies/{code}/webhooks/{id}")
    @PreAuthorize("hasRole('AGENCY')")
    Mono<ResponseEntity<Void>> remove(@PathVariable String code, @PathVariable String id, @AuthenticationPrincipal Jwt token) {
        AgencyAccess.requireAgency(Actor.of(token), code);
        return subscriptions.remove(code, Subscription.Kind.WEBHOOK, id)
                .flatMap(removed -> removed ? Mono.just(ResponseEntity.noContent().<Void>build()) : Mono.error(notFound(code, id)));
    }

    private static Webhook view(Subscription subscription) {
        return new Webhook(subscription.id(), subscription.agencyCode(), subscription.url(), subscription.createdAt(),
                Delivery.of(subscription));
    }

    private static ErrorResponseException notFound(String code, String id) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Agency " + code + " has no webhook " + id + ".");
    }
}
