package id.aduan.auth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form people reach from an app (the web app's "Masuk"): Spring Security checks what it posts to
 * {@code /login} and sends a failure back here with {@code ?error}, a logout with {@code ?logout}.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String lang, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, Model model, HttpServletResponse response) {
        // A language chosen on the page outlives the failed attempt's redirect.
        LoginLanguage.chosen(lang).ifPresent(language -> response.addHeader(HttpHeaders.SET_COOKIE,
                ResponseCookie.from(LoginLanguage.COOKIE, language.getLanguage())
                        .path("/").maxAge(60L * 60 * 24 * 365).httpOnly(true).sameSite("Lax").build().toString()));
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
