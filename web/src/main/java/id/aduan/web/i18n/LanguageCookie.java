package id.aduan.web.i18n;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Pages are in Bahasa Indonesia unless the person chose English (the language switch in every page's header),
 * remembered in a cookie. The browser's Accept-Language does not decide: a national service speaks Indonesian first.
 */
@Component(LanguageCookie.BEAN_NAME)
public class LanguageCookie implements LocaleContextResolver {

    static final String BEAN_NAME = "localeContextResolver";
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-ID");
    private static final String COOKIE = "lang";
    private static final List<Locale> LANGUAGES = List.of(INDONESIAN, ENGLISH);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return new SimpleLocaleContext(cookie == null ? INDONESIAN : of(cookie.getValue()));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext context) {
        Locale locale = context == null || context.getLocale() == null ? INDONESIAN : of(context.getLocale().getLanguage());
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.getLanguage())
                .path("/").maxAge(60L * 60 * 24 * 365).sameSite("Lax").httpOnly(true).build());
    }

    /** A language this app speaks: its tag's language, English or else Indonesian. */
    public static Locale of(String language) {
        return LANGUAGES.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(INDONESIAN);
    }
}
