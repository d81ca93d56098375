package id.aduan.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The login page's language: the one chosen on it ({@code ?lang=en}, then remembered in a cookie), else the
 * browser's (Accept-Language) if it is English or Indonesian, else Bahasa Indonesia.
 */
@Component("localeResolver")
class LoginLanguage implements LocaleResolver {

    static final String COOKIE = "lang";
    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    static final Locale ENGLISH = Locale.forLanguageTag("en-ID");
    private static final List<Locale> LANGUAGES = List.of(INDONESIAN, ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosen(request.getParameter(COOKIE))
                .or(() -> Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                        .filter(cookie -> cookie.getName().equals(COOKIE)).map(Cookie::getValue).findFirst().flatMap(LoginLanguage::chosen))
                // Without the header, the servlet container answers with its own default locale: not the person's.
                .or(() -> request.getHeader("Accept-Language") == null ? Optional.empty()
                        : Collections.list(request.getLocales()).stream().map(Locale::getLanguage)
                                .map(LoginLanguage::chosen).flatMap(Optional::stream).findFirst())
                .orElse(INDONESIAN);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen with ?lang= on the login page");
    }

    /** One of the page's languages, by its code ({@code id} or {@code en}). */
    static Optional<Locale> chosen(String language) {
        return LANGUAGES.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }
}
