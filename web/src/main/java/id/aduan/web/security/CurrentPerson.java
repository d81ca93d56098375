package id.aduan.web.security;

import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the logged-in {@link Person} on the exchange before access is decided, so that every page shows who is
 * logged in, error pages included (a refused request never reaches a controller).
 */
public final class CurrentPerson implements WebFilter {

    private static final String ATTRIBUTE = Person.class.getName();

    /** The person logged in for this request, if any. */
    public static Optional<Person> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(Person.of(authentication)))
                .doOnNext(person -> exchange.getAttributes().put(ATTRIBUTE, person))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
