package id.aduan.gateway.hardening;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer of the front door, whatever the service behind it sent: the API
 * serves data, never a page, so nothing in it may run as script, be framed or leak the URL onward
 * (complaint text containing HTML stays inert even if someone opens a response in a browser).
 * Spring Security adds nosniff, frame options and no-store caching on top. Not the gateway's
 * SecureHeaders filter: it runs on routed requests only (not on the gateway's own refusals, audit
 * endpoint or Swagger UI), keeps a header the service sent, and has no Cross-Origin-Resource-Policy.
 * The web app's pages (aduan.security.passthrough-paths) keep the headers the web app sets for pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseHeaders implements WebFilter {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** The Swagger UI is the one page served: its own scripts and styles, nothing from elsewhere. */
    private static final String SWAGGER_UI_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private final List<PathPattern> webPages;

    ResponseHeaders(@Value("${aduan.security.passthrough-paths:}") List<String> webPages) {
        this.webPages = webPages.stream().filter(path -> !path.isBlank()).map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (webPages.stream().anyMatch(page -> page.matches(path))) {
            return chain.filter(exchange);
        }
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
