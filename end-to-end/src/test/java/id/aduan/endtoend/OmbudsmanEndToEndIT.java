package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Ombudsman's pages and the coordinators' rankings, audit trail and reporter erasure (docs/web.md), in a
 * browser through the gateway. Its complaints are in a district no other scenario uses.
 */
@Order(14)
@ExtendWith(RunningSuite.Shared.class)
class OmbudsmanEndToEndIT {

    /** Cinambo, Kota Bandung: roads there are Dinas PUPR Kota Bandung's (rule local-roads). */
    private static final String DISTRICT = "32.73.29";
    private static final String AGENCY = "32.73.DPUPR";

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    void theOmbudsmanReadsTheFiguresAndACaseAndTheCoordinatorAuditsAndErases() throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String read = submit(citizen, "Lampu jalan mati di Cinambo", "Dewi Lestari", "dewi.ombudsman@example.id", "+6281299990001");
        String erased = submit(citizen, "Trotoar rusak di Cinambo", "Rina Wati", "rina.ombudsman@example.id", "+6281277770001");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + read + "/verification", coordinator,
                """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","anonymous":false,"confidential":false}""").statusCode())
                .isEqualTo(200));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode district = suite.getJson("/api/v1/reports/regions/" + DISTRICT, coordinator);
            assertThat(district.get("received").asLong()).isEqualTo(2);
            assertThat(district.get("verified").asLong()).isEqualTo(1);
            assertThat(suite.getJson("/api/v1/complaints/" + read + "/routing", coordinator).at("/decisions/0/agencyCode").asText())
                    .isEqualTo(AGENCY);
        });

        try (Browser browser = Browser.open(suite)) {
            browser.logIn("ombudsman-ri");
            assertThat(browser.driver().getCurrentUrl()).startsWith(suite.page("/ombudsman"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Pengawasan kinerja pelayanan");
            assertThat(browser.text(By.id("national-heading"))).isEqualTo("Angka nasional");
            assertThat(browser.driver().findElements(By.cssSelector("svg.chart[role=img]"))).isNotEmpty();
            assertThat(browser.pageText()).contains("Jawa Barat", "Laporan instansi " + AGENCY);
            browser.screenshot("ombudsman-home");

            browser.press("Laporan instansi " + AGENCY);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Laporan instansi " + AGENCY);
            assertThat(browser.pageText()).contains("Cinambo", "Tingkat penyelesaian");

            browser.visit("/ombudsman").press("Semua laporan yang melewati batas waktu");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Laporan yang melewati batas waktu");

            browser.visit("/ombudsman").fill("Nomor laporan", read).press("Buka berkas laporan");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Berkas laporan " + read);
            assertThat(browser.pageText()).contains("Dewi Lestari", "Diverifikasi", AGENCY, "Tindak lanjut")
                    .doesNotContain("dewi.ombudsman@example.id", "6281299990001");
            assertThat(browser.driver().findElements(By.cssSelector("main button, main form, main input[type=submit]")))
                    .as("the Ombudsman's case file offers no action").isEmpty();
        }

        try (Browser browser = Browser.open(suite)) {
            browser.logIn("koordinator");
            browser.visit("/console/rankings");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Peringkat wilayah dan instansi");
            browser.choose("Yang diperingkat", "Kecamatan").fill("Di dalam wilayah (kode)", "32.73").press("Tampilkan peringkat");
            assertThat(browser.driver().findElements(By.cssSelector("svg.chart[role=img]"))).isNotEmpty();
            assertThat(browser.pageText()).contains("Cinambo (" + DISTRICT + ")");

            browser.visit("/console/audit").fill("Nomor laporan", read).press("Saring");
            assertThat(browser.pageText()).contains("POST /api/v1/complaints/" + read + "/verification", "coordinator");
            browser.visit("/console/audit").fill("Pelaku (nama pengguna atau aplikasi)", "citizen-app").press("Saring");
            assertThat(browser.pageText()).contains("POST /api/v1/complaints", "citizen-app", "201");
            browser.screenshot("console-audit");

            String reporterRef = suite.getJson("/api/v1/complaints/" + erased + "/case-file", coordinator)
                    .at("/complaint/reporter/reporterRef").asText();
            browser.visit("/console/erasure").fill("Referensi pelapor", reporterRef)
                    .fill("Cara permintaan diverifikasi", "KTP diperiksa di loket layanan Diskominfo, tiket 2026-117");
            // A date field's typing depends on the browser's locale; the value is what the form sends.
            WebElement day = browser.byLabel("Tanggal permintaan");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", day,
                    LocalDate.now(ZoneId.of("Asia/Jakarta")).toString());
            browser.press("Lanjutkan");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Anda akan menghapus data pribadi pelapor");
            assertThat(browser.pageText()).contains(reporterRef);
            browser.waitFor(By.xpath("//button[normalize-space()='Ya, hapus data pelapor']")).click();
            new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForText(By.tagName("h1"), "Data pelapor telah dihapus").accessible();
            assertThat(browser.pageText()).contains(reporterRef, "koordinator");
        }

        HttpResponse<String> caseFile = suite.get("/api/v1/complaints/" + erased + "/case-file", coordinator);
        assertThat(caseFile.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(caseFile.body()).at("/complaint/reporter/status").asText()).isEqualTo("ERASED");
        assertThat(caseFile.body()).doesNotContain("Rina Wati", "rina.ombudsman@example.id", "6281277770001");
    }

    private static String submit(String citizen, String title, String name, String email, String phone) throws Exception {
        HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, """
                {"title":"%s","description":"%s sejak seminggu, membahayakan pejalan kaki.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"%s"},
                 "reporter":{"name":"%s","email":"%s","phone":"%s"}}""".formatted(title, title, DISTRICT, name, email, phone));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return JSON.readTree(submitted.body()).get("trackingId").asText();
    }
}
