package id.aduan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole app, started without an authorization server or a gateway (neither is asked before someone logs
 * in or a page calls the API): its security headers, session cookie, CSRF check, login redirect, canonical
 * address and language switch, as a browser meets them at http://127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppTest {

    @LocalServerPort
    int port;

    /** At the public address's host: the one the app serves pages on (see the localhost test). */
    WebTestClient browser;

    @BeforeEach
    void openTheApp() {
        browser = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void theFrontPageForbidsInlineScriptAndStyleAndFraming() {
        browser.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", String.join("; ",
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "img-src 'self' data: https://tile.openstreetmap.org",
                        "connect-src 'self'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "form-action 'self' http://localhost:9000",
                        "frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndNotSecureOnPlainHttp() {
        // The front page's forms need a CSRF token, which lives in the session.
        EntityExchangeResult<byte[]> page = browser.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        ResponseCookie session = page.getResponseCookies().getFirst("ADUAN_SESSION");
        assertThat(session).as("the session cookie among %s", page.getResponseCookies()).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.isSecure()).isFalse();
        assertThat(session.getPath()).isEqualTo("/");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        browser.post().uri("/complaints/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("description=Jalan+rusak").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anAgencyPageSendsSomeoneNotLoggedInToLogIn() {
        browser.get().uri("/agency/inbox").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/aduan");
    }

    @Test
    void theLoginGoesToTheAuthorizationServerWithPkce() {
        String location = browser.get().uri("/oauth2/authorization/aduan").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        assertThat(location).startsWith("http://localhost:9000/oauth2/authorize?")
                .contains("client_id=aduan-web", "code_challenge_method=S256",
                        "redirect_uri=http://127.0.0.1:8080/login/oauth2/code/aduan");
    }

    @Test
    void aPageOpenedAsLocalhostIsSentToThePublicAddress() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/complaints/track?id=ADU-1").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().location("http://127.0.0.1:8080/complaints/track?id=ADU-1");
    }

    @Test
    void englishChosenOnceIsSpokenOnTheNextPage() {
        ResponseCookie language = browser.get().uri("/language?lang=en&back=/").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/")
                .returnResult(Void.class).getResponseCookies().getFirst("lang");
        assertThat(language).isNotNull();

        String english = page("/", language);
        String indonesian = page("/", null);

        assertThat(english).contains("Complain about a public service").containsPattern("<html[^>]* lang=\"en\"");
        assertThat(indonesian).contains("Sampaikan keluhan Anda tentang pelayanan publik").containsPattern("<html[^>]* lang=\"id\"");
    }

    private String page(String path, ResponseCookie language) {
        return browser.get().uri(path).accept(MediaType.TEXT_HTML)
                .cookies(cookies -> {
                    if (language != null) {
                        cookies.put(language.getName(), List.of(language.getValue()));
                    }
                }).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
