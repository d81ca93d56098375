package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen portal as a person who never logs in meets it (docs/web.md, "Citizen portal"): a confidential
 * complaint with a photo, about Cimahi Utara (32.77.03, which no other scenario uses), chosen with the category
 * and region pickers; its tracking id and secret shown once; tracking it with the secret from another browser,
 * with its status, history and deadline in words and its photo to download; English on request; the public
 * statistics of Kota Cimahi as a chart; and the submit page at a phone's width.
 */
@Order(11)
@ExtendWith(RunningSuite.Shared.class)
class CitizenPortalEndToEndIT {

    /** A 1x1 PNG: the API takes images and PDFs only. */
    private static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    void aCitizenSubmitsAConfidentialComplaintAndFollowsItWithTheSecret() throws Exception {
        Path photo = Files.createTempFile("jalan-berlubang", ".png");
        Files.write(photo, PHOTO);
        String trackingId;
        String secret;
        try (Browser browser = Browser.open(suite)) {
            browser.visit("/complaints/new");
            browser.fill("Judul laporan", "Jalan berlubang di Cimahi Utara")
                    .fill("Isi laporan", "Lubang besar di depan pasar, sudah dua minggu, membahayakan pengendara motor.")
                    .choose("Kategori", "Jalan")
                    .choose("Provinsi", "Jawa Barat");
            optionAppears(browser, "regionCode-regency", "Kota Cimahi");
            browser.choose("Kabupaten/kota", "Kota Cimahi");
            optionAppears(browser, "regionCode-district", "Cimahi Utara");
            browser.choose("Kecamatan", "Cimahi Utara");
            browser.driver().findElement(By.id("attachments")).sendKeys(photo.toAbsolutePath().toString());
            browser.driver().findElement(By.id("visibility-confidential")).click();
            browser.press("Kirim laporan");

            trackingId = browser.text(By.id("tracking-id"));
            secret = browser.text(By.id("reporter-secret"));
            assertThat(trackingId).startsWith("ADU-");
            assertThat(secret).isNotBlank();
            assertThat(browser.pageText()).contains("Catat kode rahasia ini sekarang");
            browser.screenshot("citizen-submitted");
        }

        try (Browser browser = Browser.open(suite)) {
            // Confidential: without the secret it is as unknown as a wrong number.
            browser.visit("/complaints/track").fill("Nomor pelacakan", trackingId).press("Lacak");
            assertThat(browser.pageText()).contains("tidak ditemukan");

            browser.fill("Nomor pelacakan", trackingId).fill("Kode rahasia pelapor (tidak wajib)", secret).press("Lacak");
            await().atMost(PATIENCE).until(() -> {
                if (!browser.driver().findElements(By.id("complaint-status")).isEmpty()) {
                    return true;
                }
                browser.visit("/complaints/" + trackingId);
                return false;
            });
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Jalan berlubang di Cimahi Utara");
            assertThat(browser.text(By.id("complaint-status"))).isNotBlank();
            assertThat(browser.pageText()).contains("Laporan diterima", "Cimahi Utara, Kota Cimahi, Jawa Barat");
            assertThat(browser.text(By.id("deadline"))).matches("\\p{L}+ paling lambat \\d{1,2} \\p{L}+ \\d{4}\\..*");
            browser.screenshot("citizen-tracking");

            String download = browser.driver().findElement(By.partialLinkText("Unduh")).getAttribute("href");
            Cookie session = browser.driver().manage().getCookieNamed("ADUAN_SESSION");
            HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(download))
                    .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    disposition -> assertThat(disposition).startsWith("attachment"));
            assertThat(file.body()).isEqualTo(PHOTO);

            browser.press("English");
            assertThat(browser.pageText()).contains("History", "Complaint received");
        }
    }

    @Test
    void thePublicStatisticsOfARegionAreAChartWithItsTable() throws Exception {
        // Enough complaints in Kota Cimahi for its figures not to be withheld (fewer than 5 are).
        String citizen = suite.token("citizen-app", "citizen-secret");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, """
                    {"title":"Lampu jalan mati %d","description":"Gelap di malam hari.","categoryCode":"INFRA.ROAD",
                     "location":{"regionCode":"32.77.03"},"channel":"WEB","anonymous":true,"confidential":false}
                    """.formatted(i));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        }
        // Reporting keeps a public answer for minutes (PublicStatisticsQueries): one asked for before the five were
        // counted would withhold the figures all that time. So the page is opened once the coordinators' report,
        // never kept, counts them.
        String coordinator = suite.token("coordinator", "coordinator-secret");
        await().atMost(PATIENCE).until(() -> suite.getJson("/api/v1/reports/regions/32.77", coordinator).path("received").asLong() >= 5);
        try (Browser browser = Browser.open(suite)) {
            await().atMost(PATIENCE).until(() -> {
                browser.driver().get(suite.page("/statistics?region=32.77"));
                return !browser.driver().findElements(By.cssSelector("svg.chart")).isEmpty();
            });
            browser.visit("/statistics?region=32.77");
            assertThat(browser.text(By.cssSelector(".lead"))).startsWith("Kota Cimahi");
            assertThat(browser.driver().findElement(By.cssSelector("svg.chart")).getAttribute("role")).isEqualTo("img");
            assertThat(browser.driver().findElements(By.cssSelector("table th[scope=row]"))).isNotEmpty();
            browser.screenshot("citizen-statistics");
        }
    }

    @Test
    void theSubmitPageFitsAPhone() {
        try (Browser browser = Browser.open(suite)) {
            browser.onPhone(true).visit("/complaints/new");
            assertThat(browser.fitsTheWidth()).isTrue();
            browser.screenshot("citizen-phone");
        }
    }

    private static void optionAppears(Browser browser, String selectId, String option) {
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//select[@id='" + selectId + "']/option[normalize-space()='" + option + "']")));
    }
}
