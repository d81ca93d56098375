package id.aduan.web.security;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import reactor.core.publisher.Mono;

/** After logging in: back to the page that asked for it, or else to the person's own start page. */
class HomeAfterLogin implements ServerAuthenticationSuccessHandler {

    private final WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI home = URI.create(Person.of(authentication).map(Person::home).orElse("/"));
        return requestCache.getRedirectUri(exchange.getExchange())
                .defaultIfEmpty(home)
                .flatMap(location -> redirect.sendRedirect(exchange.getExchange(), location));
    }
}
