package id.aduan.gateway.audit;

import id.aduan.gateway.RetryLater;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every state-changing request that passed the token check, failing closed: the entry is
 * stored before the request is forwarded, and a change whose entry cannot be stored (within
 * {@code store-timeout}) is refused with 503 and never reaches the service, so no change goes
 * unaudited. The outcome is appended when the answer is committed, without holding the answer up:
 * the hot path waits for one insert, as it did when the entry was written after the answer. A lost
 * outcome is logged and counted; the entry then shows no status. Reads are not recorded. It runs
 * after the security filters (order 0 &gt; -100), so it knows the caller; a request refused there
 * (401) carries no identity worth recording.
 */
@Component
@Order(0)
class AuditTrail implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern COMPLAINT = Pattern.compile("^/api/v1/complaints/(ADU-[0-9A-Z]{10})(/.*)?$");

    private final AuditLog auditLog;
    private final AuditSettings settings;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Counter entriesNotStored;
    private final Counter outcomesNotStored;

    AuditTrail(AuditLog auditLog, AuditSettings settings, ProblemWriter problems, Clock clock, MeterRegistry meters) {
        this.auditLog = auditLog;
        this.settings = settings;
        this.problems = problems;
        this.clock = clock;
        this.entriesNotStored = notStored(meters, "entry");
        this.outcomesNotStored = notStored(meters, "outcome");
    }

    private static Counter notStored(MeterRegistry meters, String what) {
        return Counter.builder("aduan.gateway.audit.not.stored").tag("what", what)
                .description("Audit writes that failed: an entry's request was refused with 503; an outcome is missing from its entry")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CHANGES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(entry(exchange, Actor.of(((JwtAuthenticationToken) principal).getToken()))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(entry -> entry.isEmpty() ? chain.filter(exchange) : storedThenForwarded(exchange, chain, entry.get()));
    }

    private Mono<Void> storedThenForwarded(ServerWebExchange exchange, WebFilterChain chain, AuditEntry entry) {
        return auditLog.append(entry).timeout(settings.storeTimeout()).thenReturn(true)
                .onErrorResume(failure -> {
                    entriesNotStored.increment();
                    log.error("Audit entry for {} {} not stored; the request is refused: {}", entry.method(), entry.path(),
                            failure.toString());
                    return Mono.just(false);
                })
                .flatMap(stored -> stored ? forwarded(exchange, chain, entry)
                        : RetryLater.answer(problems, exchange, HttpStatus.SERVICE_UNAVAILABLE, settings.retryAfter(),
                                "The audit trail cannot record this change now, so it was not made; try again shortly."));
    }

    /** Forwards the request; the outcome is appended as the answer is committed, whether the service or the gateway gave it. */
    private Mono<Void> forwarded(ServerWebExchange exchange, WebFilterChain chain, AuditEntry entry) {
        exchange.getResponse().beforeCommit(() -> {
            int status = Optional.ofNullable(exchange.getResponse().getStatusCode()).map(HttpStatusCode::value).orElse(200);
            auditLog.appendOutcome(entry.id(), status, clock.instant())
                    .subscribe(null, failure -> {
                        outcomesNotStored.increment();
                        log.error("Outcome {} of audit entry {} ({} {}) not stored: {}", status, entry.id(), entry.method(),
                                entry.path(), failure.toString());
                    });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private AuditEntry entry(ServerWebExchange exchange, Actor actor) {
        String path = exchange.getRequest().getPath().value();
        Matcher complaint = COMPLAINT.matcher(path);
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor.subject(),
                actor.roles().stream().map(Enum::name).sorted().toList(), actor.agencyCode(),
                Optional.ofNullable(exchange.getRequest().getRemoteAddress()).map(InetSocketAddress::getHostString).orElse(null),
                exchange.getRequest().getMethod().name(), path, complaint.matches() ? complaint.group(1) : null, null);
    }
}
