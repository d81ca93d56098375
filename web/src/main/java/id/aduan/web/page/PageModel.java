package id.aduan.web.page;

import id.aduan.web.WebSettings;
import id.aduan.web.security.CurrentPerson;
import id.aduan.web.security.Person;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs (templates/layout.html): who is logged in, the settings, the current path
 * for the language switch, and the CSRF token, which every form then carries as a hidden field.
 */
@ControllerAdvice
class PageModel {

    private final WebSettings settings;

    PageModel(WebSettings settings) {
        this.settings = settings;
    }

    /** Empty, not null, for nobody: an attribute method answering null left the attributes after it out of the model. */
    @ModelAttribute("person")
    Mono<Person> person(ServerWebExchange exchange) {
        return Mono.justOrEmpty(CurrentPerson.of(exchange));
    }

    @ModelAttribute("settings")
    WebSettings settings() {
        return settings;
    }

    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /** The CSRF header for htmx's requests (hx-headers on the body): forms carry the token anyway. */
    @ModelAttribute("htmxHeaders")
    Mono<String> htmxHeaders(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty()
                : token.map(resolved -> "{\"" + resolved.getHeaderName() + "\": \"" + resolved.getToken() + "\"}");
    }

    /** Resolved before the page renders, so Thymeleaf's th:action adds it to every form. */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.doOnSuccess(resolved ->
                exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved));
    }
}
