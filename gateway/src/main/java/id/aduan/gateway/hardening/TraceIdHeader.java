package id.aduan.gateway.hardening;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the caller the trace id the gateway started for its request ({@code X-Trace-Id}), the id
 * every service logs for everything the request causes, through Kafka too: a citizen or an
 * operator can quote it. Read from the request's observation, which the exchange carries: the
 * gateway does not copy the trace into thread locals at every step (application.yml).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class TraceIdHeader implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .flatMap(request -> Optional.ofNullable(request.<TracingContext>get(TracingContext.class)))
                .flatMap(tracing -> Optional.ofNullable(tracing.getSpan()))
                .ifPresent(span -> exchange.getResponse().getHeaders().set("X-Trace-Id", span.context().traceId()));
        return chain.filter(exchange);
    }
}
