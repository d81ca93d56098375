package id.aduan.web.i18n;

import java.net.URI;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The language switch in every page's header: remembers the choice and returns to the same page. A link, not a
 * form: it changes only this browser's preference, and works on error pages, which have no CSRF token.
 */
@Controller
class LanguageSwitch {

    private final LanguageCookie languages;

    LanguageSwitch(LanguageCookie languages) {
        this.languages = languages;
    }

    @GetMapping("/language")
    Mono<ResponseEntity<Void>> choose(@RequestParam(required = false) String lang, @RequestParam(required = false) String back,
            ServerWebExchange exchange) {
        languages.setLocaleContext(exchange, new SimpleLocaleContext(LanguageCookie.of(lang)));
        return Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(samePage(back))).build());
    }

    /** Only a path of this app: never an address elsewhere (an open redirect). */
    private static String samePage(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
