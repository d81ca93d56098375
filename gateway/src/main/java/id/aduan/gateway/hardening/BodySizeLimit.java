package id.aduan.gateway.hardening;

import id.aduan.platform.web.ProblemWriter;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses an oversized body with 413 problem+json before anything reads it. A body sent without a
 * length (chunked) is counted as it streams and cut off at the limit; the services limit again.
 * Not the gateway's RequestSize filter: it answers 413 without a body and reads only Content-Length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit implements WebFilter {

    private final BodySizeSettings settings;
    private final List<PathPattern> uploads;
    private final ProblemWriter problems;

    BodySizeLimit(BodySizeSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
        this.uploads = settings.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean upload = uploads.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
        long limit = (upload ? settings.maxUpload() : settings.max()).toBytes();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(request, limit)).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the most this path takes.");
    }
}
