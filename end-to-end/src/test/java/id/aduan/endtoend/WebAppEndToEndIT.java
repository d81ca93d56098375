package id.aduan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The web app as each role meets it first (docs/web.md): the front page in Indonesian and English, and every
 * demo person's login leading to their own start page, all in a real browser through the gateway.
 */
@Order(10)
@ExtendWith(RunningSuite.Shared.class)
class WebAppEndToEndIT {

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    void theFrontPageSpeaksIndonesianFirstAndEnglishOnRequest() {
        try (Browser browser = Browser.open(suite)) {
            browser.visit("/");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sampaikan keluhan Anda tentang pelayanan publik");
            browser.press("English");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Complain about a public service");
            browser.screenshot("front-page-english");
        }
    }

    @Test
    void everyoneLandsOnTheirOwnPagesAfterLoggingIn() {
        record Landing(String username, String path) {
        }
        for (Landing landing : new Landing[] {new Landing("koordinator", "/console"), new Landing("admin-dpupr", "/agency/inbox"),
                new Landing("penghubung-jalan", "/agency/inbox"), new Landing("ombudsman-ri", "/ombudsman"), new Landing("warga", "/")}) {
            try (Browser browser = Browser.open(suite)) {
                browser.logIn(landing.username());
                assertThat(browser.driver().getCurrentUrl()).as(landing.username()).startsWith(suite.page(landing.path()));
                assertThat(browser.pageText()).contains(landing.username());
            }
        }
    }
}
