package id.aduan.gateway.hardening;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer of the front door, whatever the service behind it sent: the API
 * serves data, never a page, so nothing in it may run as script, be framed or leak the URL onward
 * (complaint text containing HTML stays inert even if someone opens a response in a browser).
 * Spring Security adds nosniff, frame options and no-store caching on top. Not the gateway's
 * SecureHeaders filter: it runs on routed requests only (not on the gateway's own refusals, audit
 * endpoint or Swagger UI), keeps a header the service sent, and has no Cross-Origin-Resource-Policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseHeaders implements WebFilter {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** The Swagger UI is the one page served: its own scripts and styles, nothing from elsewhere. */
    private static final String SWAGGER_UI_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", isSwaggerUi(exchange) ? SWAGGER_UI_POLICY : API_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cross-Origin-Resource-Policy", "same-site");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean isSwaggerUi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
