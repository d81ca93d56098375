package id.aduan.auth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The login page people see: in Bahasa Indonesia unless they choose English, with labels, and saying what went wrong. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class LoginPageIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("aduan.data-dir", dataDir::toString);
    }

    @Autowired
    MockMvc browser;

    @Test
    void theFormIsInIndonesianWithALabelForEachFieldAndACsrfToken() throws Exception {
        browser.perform(get("/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        matchesPattern("(?s).*<html[^>]* lang=\"id\".*"),
                        containsString("<h1>Masuk</h1>"),
                        containsString("<label for=\"username\">Nama pengguna</label>"),
                        matchesPattern("(?s).*<input id=\"username\" name=\"username\"[^>]*autocomplete=\"username\".*"),
                        containsString("<label for=\"password\">Kata sandi</label>"),
                        matchesPattern("(?s).*<input id=\"password\" name=\"password\" type=\"password\".*"),
                        containsString("<button type=\"submit\">Masuk</button>"),
                        matchesPattern("(?s).*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\".*"),
                        // Nothing the page's policy would block: no script at all, no inline style.
                        not(containsString("<script")), not(containsString("style=")),
                        not(containsString("role=\"alert\"")))))
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("default-src 'self'"), containsString("script-src 'none'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void itsStylesheetNeedsNoLogin() throws Exception {
        browser.perform(get("/css/login.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void aWrongPasswordSendsThePersonBackToTheFormWhichSaysSo() throws Exception {
        browser.perform(formLogin("/login").user("warga").password("geraten"))
                .andExpect(redirectedUrl("/login?error"));

        browser.perform(get("/login").param("error", "").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        matchesPattern("(?s).*<div id=\"login-error\" class=\"error-summary\" role=\"alert\">\\s*<p>Nama pengguna atau kata sandi salah\\.</p>.*"),
                        containsString("<title>Nama pengguna atau kata sandi salah. Masuk - Aduan</title>"),
                        matchesPattern("(?s).*name=\"username\"[^>]*aria-invalid=\"true\" aria-describedby=\"login-error\".*"))));
    }

    @Test
    void theRightPasswordLogsIn() throws Exception {
        browser.perform(formLogin("/login").user("warga").password("demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void afterLoggingOutTheFormSaysSo() throws Exception {
        browser.perform(logout()).andExpect(redirectedUrl("/login?logout"));

        browser.perform(get("/login").param("logout", "").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("role=\"status\""), containsString("<p>Anda telah keluar.</p>"),
                        not(containsString("role=\"alert\"")))));
    }

    @Test
    void englishChosenOnThePageIsRememberedThroughAFailedAttempt() throws Exception {
        browser.perform(get("/login?lang=en").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        matchesPattern("(?s).*<html[^>]* lang=\"en\".*"),
                        containsString("<label for=\"username\">Username</label>"),
                        containsString("<label for=\"password\">Password</label>"),
                        containsString("<button type=\"submit\">Log in</button>"))))
                .andExpect(cookie().value("lang", "en"))
                .andExpect(cookie().httpOnly("lang", true));

        browser.perform(get("/login").param("error", "").cookie(new Cookie("lang", "en")).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Wrong username or password.")));
    }

    @ParameterizedTest
    @CsvSource({
            "'en-US,en;q=0.9',           Username",
            "'id-ID,id;q=0.9,en;q=0.8',  Nama pengguna",
            "'fr-FR,en;q=0.5',           Username",
            // A language the page does not speak: Indonesian.
            "'fr-FR',                    Nama pengguna",
    })
    void theBrowsersLanguageDecidesUntilOneIsChosen(String acceptLanguage, String usernameLabel) throws Exception {
        browser.perform(get("/login").header("Accept-Language", acceptLanguage).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<label for=\"username\">" + usernameLabel + "</label>")));
        browser.perform(get("/login?lang=id").header("Accept-Language", acceptLanguage).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<label for=\"username\">Nama pengguna</label>")));
    }
}
