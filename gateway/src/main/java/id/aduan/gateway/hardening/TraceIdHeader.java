package id.aduan.gateway.hardening;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the caller the trace id the gateway started for its request ({@code X-Trace-Id}), the id
 * every service logs for everything the request causes, through Kafka too: a citizen or an
 * operator can quote it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class TraceIdHeader implements WebFilter {

    private final Tracer tracer;

    TraceIdHeader(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Span current = tracer.currentSpan();
        if (current != null) {
            exchange.getResponse().getHeaders().set("X-Trace-Id", current.context().traceId());
        }
        return chain.filter(exchange);
    }
}
