package id.aduan.web.citizen.submit;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.web.citizen.Messages;
import id.aduan.web.i18n.LanguageCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The submit form's own checks, before anything goes to the API: what a person reads beside each field. */
class ComplaintFormTest {

    private static final Messages INDONESIAN = new Messages(bundles(), LanguageCookie.INDONESIAN);
    private static final Messages ENGLISH = new Messages(bundles(), LanguageCookie.ENGLISH);

    @Test
    void anEmptyFormNamesEveryRequiredFieldInIndonesian() {
        Map<String, String> errors = ComplaintForm.empty("key").check(0, INDONESIAN);

        assertThat(errors).containsExactly(
                Map.entry("title", "Tulis judul laporan"),
                Map.entry("description", "Tulis isi laporan"),
                Map.entry("categoryCode", "Pilih kategori laporan"),
                Map.entry("regionCode", "Pilih lokasi kejadian, paling tidak provinsinya"));
    }

    @Test
    void aCompleteFormPasses() {
        assertThat(valid().check(1, INDONESIAN)).isEmpty();
    }

    @Test
    void tooLongTextsSayTheLimitAndTheLength() {
        ComplaintForm form = new ComplaintForm("x".repeat(201), "y".repeat(10_001), "INFRA.ROAD", "32.73.01", "z".repeat(501),
                "", "", "NAMED", "PUBLIC", "", "", "", "key");

        assertThat(form.check(0, INDONESIAN)).containsEntry("title", "Paling banyak 200 karakter (sekarang 201)")
                .containsEntry("description", "Paling banyak 10.000 karakter (sekarang 10.001)")
                .containsEntry("address", "Paling banyak 500 karakter (sekarang 501)");
    }

    @Test
    void contactDetailsNeedANameAndTheRightShape() {
        ComplaintForm form = new ComplaintForm("Jalan rusak", "Lubang", "INFRA.ROAD", "32.73.01", "", "", "", "NAMED",
                "PUBLIC", "", "budi@", "0812-34", "key");

        assertThat(form.check(0, INDONESIAN)).containsOnlyKeys("name", "email", "phone");
    }

    @Test
    void aPhoneIsReadWithoutTheSpacesAndDashesPeopleType() {
        ComplaintForm form = new ComplaintForm("Jalan rusak", "Lubang", "INFRA.ROAD", "32.73.01", "", "", "", "NAMED",
                "PUBLIC", "Budi", "", "0812 3456-7890", "key");

        assertThat(form.check(0, INDONESIAN)).isEmpty();
        assertThat(SubmitPage.request(form, List.of())).extractingByKey("reporter")
                .isEqualTo(Map.of("name", "Budi", "phone", "081234567890"));
    }

    @Test
    void aPinNeedsBothCoordinatesWithinTheirRanges() {
        ComplaintForm onlyLatitude = new ComplaintForm("Jalan rusak", "Lubang", "INFRA.ROAD", "32.73", "", "-6.9", "", "NAMED",
                "PUBLIC", "", "", "", "key");
        ComplaintForm outOfRange = new ComplaintForm("Jalan rusak", "Lubang", "INFRA.ROAD", "32.73", "", "-96", "abc", "NAMED",
                "PUBLIC", "", "", "", "key");

        assertThat(onlyLatitude.check(0, INDONESIAN)).containsOnlyKeys("longitude");
        assertThat(outOfRange.check(0, INDONESIAN)).containsEntry("latitude", "Harus antara -90 dan 90")
                .containsEntry("longitude", "Tulis angka, misalnya -6.9175");
    }

    @Test
    void atMostFiveAttachments() {
        assertThat(valid().check(6, INDONESIAN)).containsEntry("attachments", "Paling banyak 5 lampiran");
    }

    @Test
    void englishOnRequest() {
        assertThat(ComplaintForm.empty("key").check(0, ENGLISH)).containsEntry("title", "Write a title");
    }

    @Test
    void theApisFieldPathsLandOnTheFormsFields() {
        assertThat(SubmitPage.formField("location.regionCode")).isEqualTo("regionCode");
        assertThat(SubmitPage.formField("reporter.email")).isEqualTo("email");
        assertThat(SubmitPage.formField("attachmentIds[0]")).isEqualTo("attachments");
        assertThat(SubmitPage.formField("title")).isEqualTo("title");
    }

    @Test
    void theRequestCarriesTheChoicesAndThePin() {
        ComplaintForm form = new ComplaintForm("Jalan rusak", "Lubang", "INFRA.ROAD", "32.73.01", "Jl. Merdeka 12", "-6,9175",
                "107.6191", "ANONYMOUS", "CONFIDENTIAL", "", "", "", "key");

        Map<String, Object> request = SubmitPage.request(form, List.of("att-1"));

        assertThat(request).containsEntry("anonymous", true).containsEntry("confidential", true)
                .containsEntry("attachmentIds", List.of("att-1")).doesNotContainKey("reporter")
                .containsEntry("location", Map.of("regionCode", "32.73.01", "address", "Jl. Merdeka 12",
                        "latitude", -6.9175, "longitude", 107.6191));
    }

    private static ComplaintForm valid() {
        return new ComplaintForm("Jalan rusak", "Lubang besar", "INFRA.ROAD", "32.73.01", "", "", "", "NAMED", "PUBLIC",
                "Budi", "budi@contoh.id", "", "key");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "messages-citizen");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
