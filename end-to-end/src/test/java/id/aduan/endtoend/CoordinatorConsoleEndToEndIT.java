package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinators' console (docs/web.md): a complaint submitted through the API waits in the verification queue,
 * the coordinator verifies it in the browser with a classification and a corrected category; another one, of a
 * category no competence rule covers, waits in the coordinators' queue and is disposed to an agency from the
 * console, and reaches that agency's inbox. Complaints of Kota Banjar (32.79), which no other scenario uses,
 * disposed to Disdik Kota Bandung (32.73.DISDIK), whose inbox no other scenario counts.
 */
@Order(13)
@ExtendWith(RunningSuite.Shared.class)
class CoordinatorConsoleEndToEndIT {

    private static final String ROAD_DISTRICT = "32.79.01";
    private static final String GENERAL_DISTRICT = "32.79.02";
    private static final String GENERAL_TITLE = "Pungutan liar di kantor kelurahan Pataruman";

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    void aCoordinatorVerifiesOneComplaintAndDisposesAnotherToAnAgencyFromTheConsole() throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String road = submit(citizen, """
                {"title":"Jalan berlubang di depan Pasar Banjar","description":"Lubang besar di jalan depan pasar.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"%s"},"reporter":{"name":"Dewi","phone":"+6281298765432"}}"""
                .formatted(ROAD_DISTRICT));
        String general = submit(citizen, """
                {"title":"%s","description":"Warga diminta membayar untuk surat pengantar.",
                 "categoryCode":"GENERAL","location":{"regionCode":"%s"},"reporter":{"name":"Eko","phone":"+6281298765433"}}"""
                .formatted(GENERAL_TITLE, GENERAL_DISTRICT));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                suite.getJson("/api/v1/inbox/verification?region=" + ROAD_DISTRICT, coordinator).toString()).contains(road));

        try (Browser browser = Browser.open(suite)) {
            browser.logIn("koordinator");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Konsol koordinator");
            browser.press("Buka antrean verifikasi");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Antrean verifikasi");
            browser.screenshot("console-verification");

            browser.visit("/console/verification/" + road);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Jalan berlubang di depan Pasar Banjar");
            browser.press("Verifikasi laporan");
            assertThat(browser.text(By.id("error-summary"))).contains("Pilih klasifikasi laporan");
            browser.driver().findElement(By.id("classification-COMPLAINT_NO_SUPERVISORY_WEIGHT")).click();
            new Select(browser.driver().findElement(By.id("categoryCode"))).selectByValue("INFRA.DRAINAGE");
            browser.press("Verifikasi laporan");
            assertThat(browser.pageText()).contains("Laporan " + road + " telah diverifikasi.");
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode complaint = suite.getJson("/api/v1/complaints/" + road + "/case-file", coordinator).get("complaint");
                assertThat(complaint.get("status").asText()).isEqualTo("VERIFIED");
                assertThat(complaint.get("categoryCode").asText()).isEqualTo("INFRA.DRAINAGE");
                assertThat(complaint.get("classification").asText()).isEqualTo("COMPLAINT_NO_SUPERVISORY_WEIGHT");
            });

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    suite.getJson("/api/v1/routing/queue?size=100", coordinator).toString()).contains(general));
            browser.press("Disposisi");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Antrean disposisi");
            browser.visit("/console/routing/" + general);
            assertThat(browser.pageText()).contains("32.79.DPUPR", "KEMENPU");
            browser.fill("Kode instansi", "32.73.DISDIK");
            browser.fill("Alasan disposisi", "Pungutan di kelurahan ditangani sesuai kesepakatan dengan Disdik.");
            browser.press("Disposisikan");
            assertThat(browser.pageText()).contains("Laporan " + general + " didisposisikan ke 32.73.DISDIK.");
            browser.screenshot("console-routing");

            String agency = suite.token("agency-bandung-disdik", "agency-secret");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/inbox?q="
                    + GENERAL_TITLE.replace(" ", "%20"), agency).toString()).contains(general));

            browser.press("Aturan kewenangan");
            assertThat(browser.pageText()).contains("local-roads", "INFRA.ROAD", "Kabupaten/kota");
            // A change with its reason: the same rules as a new version, so routing stays what the other scenarios expect.
            browser.fill("Alasan perubahan", "Peninjauan berkala: aturan tetap, versi baru dicatat.");
            browser.driver().findElement(By.xpath("//button[normalize-space()='Berlakukan aturan baru']")).click();
            new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForText(By.cssSelector("[role=status]"), "Aturan baru berlaku").accessible();

            browser.visit("/console/calendar?year=2026");
            assertThat(browser.pageText()).contains("17 Agustus 2026", "Hari Kemerdekaan");
            browser.press("Simpan perubahan");
            assertThat(browser.text(By.id("error-summary"))).contains("Isi tanggal yang benar", "Tulis alasan perubahan");
            // A cuti bersama declared from the console (a date input is set as its picker would set it).
            browser.click(By.id("action-declare"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-12-31'", browser.byLabel("Tanggal"));
            browser.choose("Jenis (untuk penetapan)", "Cuti bersama");
            browser.fill("Nama hari libur (untuk penetapan)", "Cuti bersama akhir tahun");
            browser.fill("Alasan (misalnya nomor SKB)", "SKB tiga menteri tentang cuti bersama akhir tahun.");
            browser.press("Simpan perubahan");
            browser.waitForText(By.cssSelector("[role=status]"), "Hari libur telah ditetapkan");
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.visit("/console/calendar?year=2026").pageText()).contains("31 Desember 2026", "Cuti bersama akhir tahun"));
            // The console on a phone: one column, nothing wider than the screen.
            browser.onPhone(true).visit("/console/verification");
            assertThat(browser.fitsTheWidth()).isTrue();
            browser.screenshot("console-phone");
            browser.onPhone(false);
            browser.press("English");
            browser.visit("/console/calendar?year=2026");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Non-working days 2026");
            assertThat(browser.pageText()).contains("17 August 2026");
        }
    }

    private static String submit(String citizen, String complaint) throws Exception {
        HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, complaint);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return JSON.readTree(submitted.body()).get("trackingId").asText();
    }
}
