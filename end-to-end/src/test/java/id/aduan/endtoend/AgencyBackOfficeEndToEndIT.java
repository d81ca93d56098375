package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agency's back office (docs/web.md): a liaison officer (penghubung) of Dinas PUPR Kota Bandung finds a
 * complaint in the inbox and asks the reporter, who answers in the citizen portal; the liaison reads the answer,
 * follows up with a photo and marks it complete, and the reporter accepts and rates it in the portal; an agency admin sees the agency's report and subscriptions but cannot open another agency's case file. Complaints in Rancasari (32.73.23) and Panyileukan
 * (32.73.28), which no other scenario uses.
 */
@Order(12)
@ExtendWith(RunningSuite.Shared.class)
class AgencyBackOfficeEndToEndIT {

    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0, 'I', 'E', 'N', 'D'};

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    /** A submitted complaint: its tracking id and the reporter's secret. */
    record Submitted(String trackingId, String secret) {
    }

    @Test
    void aLiaisonOfficerAsksTheReporterFollowsUpWithAPhotoAndMarksItComplete() throws Exception {
        String title = "Jalan amblas dekat pasar Rancasari";
        Submitted complaint = submitAndVerify(title, "INFRA.ROAD", "32.73.23");
        // The admin hands it to the roads unit (UPT Jalan): only then is it the liaison officer's to work on.
        String admin = suite.token("agency-bandung-pu", "agency-secret");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + complaint.trackingId()
                + "/unit-assignment", admin, "{\"unitCode\":\"32.73.DPUPR/UPT-JALAN\"}").statusCode()).isEqualTo(200));

        try (Browser browser = Browser.open(suite)) {
            browser.logIn("penghubung-jalan");
            // The inbox is a read model: the complaint shows up in it shortly after the unit got it.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                browser.fill("Cari judul atau isi", "amblas dekat pasar Rancasari").press("Tampilkan");
                assertThat(browser.text(By.id("results"))).contains(title, complaint.trackingId(), "hari lagi");
            });
            browser.screenshot("agency-inbox");

            browser.press(title);
            assertThat(browser.text(By.tagName("h1"))).contains(title, complaint.trackingId());
            browser.fill("Pertanyaan untuk pelapor", "Amblasnya di lajur kiri atau kanan?").press("Kirim pertanyaan");
            browser.waitForText(By.cssSelector("[role=status]"), "Pertanyaan telah dikirim");

            citizenAnswersTheQuestion(complaint, "Lajur kiri, depan toko bangunan.");
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(browser.visit(caseFile(complaint)).pageText())
                    .contains("Lajur kiri, depan toko bangunan.", "Catat tindak lanjut"));

            Path photo = Files.createTempFile("tambalan-", ".png");
            Files.write(photo, PHOTO);
            browser.fill("Tindak lanjut", "Jalan sudah ditambal oleh UPT Jalan, foto terlampir.");
            browser.byLabel("Lampiran").sendKeys(photo.toAbsolutePath().toString());
            browser.press("Simpan tindak lanjut");
            browser.waitForText(By.cssSelector("[role=status]"), "Tindak lanjut telah dicatat");
            // The case file is a read model too: the follow-up, its photo and completion (now in process) appear shortly.
            By complete = By.xpath("//button[normalize-space()='Tandai selesai']");
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                assertThat(browser.visit(caseFile(complaint)).pageText()).contains("Unduh " + photo.getFileName());
                assertThat(browser.driver().findElements(complete)).isNotEmpty();
            });
            browser.driver().findElement(complete).click();
            new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForText(By.cssSelector("[role=status]"), "ditandai selesai").accessible();
            citizenIsSatisfiedAndRates(complaint);
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(browser.visit(caseFile(complaint)).pageText()).contains("Dinilai pelapor"));
            browser.screenshot("agency-case-file");
            // The inbox on a phone: one column, the table scrolling inside its own box.
            browser.onPhone(true).visit("/agency/inbox");
            assertThat(browser.fitsTheWidth()).isTrue();
            browser.screenshot("agency-phone");
            browser.onPhone(false);

            // The agency's report and subscriptions are its admin's: the API gives a liaison officer neither.
            assertThat(browser.visit("/agency/report").pageText()).contains("hanya dapat dibuka oleh admin instansi");
            assertThat(browser.visit("/agency/subscriptions").pageText()).contains("hanya dapat diatur oleh admin instansi");
        }
    }

    @Test
    void anAgencyAdminCannotOpenAnotherAgencysCaseFile() throws Exception {
        Submitted complaint = submitAndVerify("KTP elektronik belum dicetak di Panyileukan", "ADMINDUK.ID_CARD", "32.73.28");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/complaints/" + complaint.trackingId()
                + "/routing", coordinator).toString()).contains("\"agencyCode\":\"32.73.DUKCAPIL\""));

        try (Browser browser = Browser.open(suite)) {
            browser.logIn("admin-dpupr");
            // The admin's own pages first: the agency's report, and the address of its event stream.
            assertThat(browser.visit("/agency/report").pageText()).contains("Laporan instansi 32.73.DPUPR", "Diterima");
            assertThat(browser.visit("/agency/subscriptions").pageText()).contains("/api/v1/agencies/32.73.DPUPR/events");
            // A webhook registered from the page (the embedded default takes a local http address): its signing
            // secret shown once, its own page, then removed after the confirmation.
            String hook = "http://127.0.0.1:9/aduan-hook";
            browser.fill("Alamat webhook", hook).press("Daftarkan");
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Webhook telah didaftarkan");
            assertThat(browser.pageText()).contains("hanya ditampilkan sekali");
            browser.click(By.linkText(hook));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Webhook dan pengirimannya");
            browser.visit("/agency/subscriptions");
            browser.driver().findElement(By.cssSelector("button[aria-label='Hapus webhook " + hook + "']")).click();
            new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForText(By.cssSelector("[role=status]"), "Webhook telah dihapus").accessible();
            assertThat(browser.driver().findElements(By.linkText(hook))).isEmpty();

            browser.visit(caseFile(complaint));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Akses ditolak");
            assertThat(browser.pageText()).doesNotContain("Panyileukan");
            browser.screenshot("agency-forbidden");
        }
    }

    private static String caseFile(Submitted complaint) {
        return "/agency/complaints/" + complaint.trackingId();
    }

    /** Set up through the API: the citizen app submits, a coordinator verifies, routing assigns it by the rules. */
    private static Submitted submitAndVerify(String title, String category, String district) throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, """
                {"title":"%s","description":"%s, sudah seminggu.","categoryCode":"%s","location":{"regionCode":"%s"}}"""
                .formatted(title, title, category, district));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        Submitted complaint = new Submitted(JSON.readTree(submitted.body()).get("trackingId").asText(),
                JSON.readTree(submitted.body()).get("reporterSecret").asText());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + complaint.trackingId()
                + "/verification", coordinator, """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","anonymous":false,"confidential":false}""")
                .statusCode()).isEqualTo(200));
        return complaint;
    }

    /** The reporter answers in the citizen portal, from their own browser, with their tracking id and secret. */
    private static void citizenAnswersTheQuestion(Submitted complaint, String answer) {
        try (Browser citizen = Browser.open(suite)) {
            tracks(citizen, complaint);
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(citizen.visit("/complaints/" + complaint.trackingId()).pageText()).contains("Kirim jawaban"));
            citizen.fill("Jawaban Anda", answer).press("Kirim jawaban");
            citizen.screenshot("citizen-answers-question");
        }
    }

    /** The reporter accepts the work and rates it in the citizen portal. */
    private static void citizenIsSatisfiedAndRates(Submitted complaint) {
        try (Browser citizen = Browser.open(suite)) {
            tracks(citizen, complaint);
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(citizen.visit("/complaints/" + complaint.trackingId()).pageText()).contains("Kirim tanggapan"));
            citizen.click(By.id("reply-yes")).press("Kirim tanggapan");
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(citizen.visit("/complaints/" + complaint.trackingId()).pageText()).contains("Kirim penilaian"));
            citizen.click(By.id("rating-5"));
            citizen.driver().findElement(By.id("rating-comment")).sendKeys("Cepat ditangani.");
            citizen.press("Kirim penilaian");
            citizen.screenshot("citizen-rates");
        }
    }

    private static void tracks(Browser citizen, Submitted complaint) {
        citizen.visit("/complaints/track").fill("Nomor pelacakan", complaint.trackingId())
                .fill("Kode rahasia pelapor (tidak wajib)", complaint.secret()).press("Lacak");
    }
}
