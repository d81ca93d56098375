package id.aduan.web.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The language switch returns to the page it was used on, and never to an address elsewhere (an open redirect). */
class LanguageSwitchTest {

    private final WebTestClient client = WebTestClient.bindToController(new LanguageSwitch(new LanguageCookie())).build();

    @ParameterizedTest
    @CsvSource({
            "/,                           /",
            "/complaints/track?id=ADU-1,  /complaints/track?id=ADU-1",
            "/agency/inbox,               /agency/inbox",
    })
    void returnsToThePageOfThisApp(String back, String location) {
        client.get().uri(uriBuilder -> uriBuilder.path("/language").queryParam("lang", "en").queryParam("back", "{back}").build(back))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location(location)
                .expectCookie().valueEquals("lang", "en");
    }

    @ParameterizedTest
    @CsvSource({
            "//evil.example/phish",
            "https://evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "evil.example",
            "javascript:alert(1)",
    })
    void sendsAnythingElseToTheFrontPage(String back) {
        client.get().uri(uriBuilder -> uriBuilder.path("/language").queryParam("lang", "en").queryParam("back", "{back}").build(back))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/");
    }

    @ParameterizedTest
    @CsvSource(emptyValue = "", value = {"id, id", "en, en", "fr, id", "'', id"})
    void remembersEnglishOrElseIndonesian(String asked, String remembered) {
        client.get().uri("/language?lang={lang}&back=/", asked)
                .exchange()
                .expectStatus().isSeeOther()
                .expectCookie().valueEquals("lang", remembered)
                .expectCookie().httpOnly("lang", true)
                .expectCookie().sameSite("lang", "Lax");
    }
}
