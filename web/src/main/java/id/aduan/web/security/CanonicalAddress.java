package id.aduan.web.security;

import id.aduan.web.WebSettings;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A page opened under another name of this host (http://localhost:8080 for http://127.0.0.1:8080) is sent to
 * the public address first: the session cookie belongs to one host name, and the login returns people to
 * the public address only. Only the name counts (cookies ignore the port; a proxy in front may change the
 * scheme). Probes and metrics, which the launcher and Prometheus read directly, stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalAddress implements WebFilter {

    private final URI publicUrl;

    CanonicalAddress(WebSettings settings) {
        this.publicUrl = settings.publicUrl();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        boolean page = request.getMethod() == HttpMethod.GET && !request.getPath().value().startsWith("/actuator");
        if (!page || publicUrl.getHost().equalsIgnoreCase(uri.getHost())) {
            return chain.filter(exchange);
        }
        URI target = UriComponentsBuilder.fromUri(publicUrl).replacePath(uri.getRawPath()).replaceQuery(uri.getRawQuery())
                .build(true).toUri();
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(target);
        return exchange.getResponse().setComplete();
    }
}
