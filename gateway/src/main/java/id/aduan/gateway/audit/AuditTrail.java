package id.aduan.gateway.audit;

import id.aduan.platform.security.Actor;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every state-changing request that passed the token check, with its outcome, before the
 * response completes. It runs after the security filters (order 0 &gt; -100), so it knows the caller;
 * a request refused there (401) carries no identity worth recording.
 */
@Component
@Order(0)
class AuditTrail implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern COMPLAINT = Pattern.compile("^/api/v1/complaints/(ADU-[0-9A-Z]{10})(/.*)?$");

    private final AuditLog auditLog;
    private final Clock clock;

    AuditTrail(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CHANGES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .then(Mono.defer(() -> record(exchange)))
                .onErrorResume(failure -> record(exchange).then(Mono.error(failure)));
    }

    private Mono<Void> record(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> entry(exchange, Actor.of(((JwtAuthenticationToken) principal).getToken())))
                .flatMap(auditLog::append)
                // The action happened; an audit store that is away must not turn it into an error for the caller.
                .onErrorResume(failure -> {
                    log.error("Audit entry for {} {} not stored: {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), failure.toString());
                    return Mono.empty();
                });
    }

    private AuditEntry entry(ServerWebExchange exchange, Actor actor) {
        String path = exchange.getRequest().getPath().value();
        Matcher complaint = COMPLAINT.matcher(path);
        int status = Optional.ofNullable(exchange.getResponse().getStatusCode()).map(HttpStatusCode::value).orElse(200);
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor.subject(),
                actor.roles().stream().map(Enum::name).sorted().toList(), actor.agencyCode(),
                Optional.ofNullable(exchange.getRequest().getRemoteAddress()).map(InetSocketAddress::getHostString).orElse(null),
                exchange.getRequest().getMethod().name(), path, complaint.matches() ? complaint.group(1) : null, status);
    }
}
