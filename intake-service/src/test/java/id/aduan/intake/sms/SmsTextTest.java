package id.aduan.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Codes;
import id.aduan.intake.submit.MessageText;
import id.aduan.intake.submit.MessageText.Read;
import id.aduan.intake.submit.MessageText.Reading;
import id.aduan.intake.submit.MessageText.Unreadable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void theStructuredFormGivesEveryPart() {
        assertThat(SmsText.read("LAPOR#32.73#infra.road#Jalan rusak#Jalan Merdeka berlubang # dekat pasar"))
                .isEqualTo(new Read("Jalan rusak", "Jalan Merdeka berlubang # dekat pasar", "INFRA.ROAD", "32.73"));
    }

    @Test
    void theKeywordIsReadInAnyCaseAndSpacesAroundSeparatorsAreIgnored() {
        assertThat(SmsText.read(" lapor # 35.78 # HEALTH # Antrean puskesmas"))
                .isEqualTo(new Read("Antrean puskesmas", "Antrean puskesmas", "HEALTH", "35.78"));
    }

    @Test
    void aStructuredFormWithAWrongCodeIsReadAsFreeText() {
        Reading reading = SmsText.read("LAPOR#Bandung#INFRA#Jalan rusak#Berlubang");
        assertThat(reading).isEqualTo(new Read("Bandung INFRA Jalan rusak Berlubang", "Bandung INFRA Jalan rusak Berlubang",
                MessageText.GENERAL_CATEGORY, MessageText.REGION_NOT_GIVEN));
    }

    @Test
    void freeTextTakesItsRegionFromATrailingTag() {
        assertThat(SmsText.read("Lampu jalan mati sejak seminggu di Jl. Diponegoro #32.73.01"))
                .isEqualTo(new Read("Lampu jalan mati sejak seminggu di Jl. Diponegoro",
                        "Lampu jalan mati sejak seminggu di Jl. Diponegoro", "GENERAL", "32.73.01"));
    }

    @Test
    void aRegionTheReferenceDoesNotKnowBecomesNoRegionForTheCoordinators() {
        assertThat(SmsText.read("LAPOR#94.71.01#INFRA.ROAD#Jalan rusak#Berlubang"))
                .isEqualTo(new Read("Jalan rusak", "Berlubang", "INFRA.ROAD", MessageText.REGION_NOT_GIVEN));
        assertThat(SmsText.read("Lampu jalan mati #94.71"))
                .isEqualTo(new Read("Lampu jalan mati", "Lampu jalan mati", "GENERAL", MessageText.REGION_NOT_GIVEN));
    }

    @Test
    void aLongFreeTextHasItsFirstWordsAsTitle() {
        String text = "Pelayanan KTP elektronik di kantor kecamatan sangat lambat, sudah tiga bulan menunggu belum jadi juga";
        Read read = (Read) SmsText.read(text);
        assertThat(read.title()).isEqualTo("Pelayanan KTP elektronik di kantor kecamatan sangat lambat,…");
        assertThat(read.description()).isEqualTo(text);
        assertThat(read.regionCode()).isEqualTo("00");
    }

    @Test
    void anEmptyMessageIsRefusedWithAReason() {
        assertThat(SmsText.read("   ")).isInstanceOf(Unreadable.class);
        assertThat(SmsText.read("#32.73")).isInstanceOf(Unreadable.class);
        assertThat(SmsText.read("LAPOR#")).isInstanceOf(Unreadable.class);
        assertThat(SmsText.read(null)).isInstanceOf(Unreadable.class);
    }

    @Property(tries = 2000)
    void anyTextIsAValidComplaintOrAClearRefusal(@ForAll("smsTexts") String text) {
        Reading reading = SmsText.read(text);
        if (reading instanceof Read read) {
            assertThat(read.title()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(read.description()).isNotBlank().hasSizeLessThanOrEqualTo(MessageText.MAX_LENGTH);
            assertThat(read.categoryCode()).matches(Codes.CATEGORY);
            assertThat(read.regionCode()).matches(Codes.REGION);
        } else {
            assertThat(((Unreadable) reading).reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> smsTexts() {
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> smsLike = Arbitraries.strings().withChars("LAPORlapor#.0123456789 \t\nABCxyz_-").ofMaxLength(80);
        Arbitrary<String> structured = Arbitraries.strings().withChars("#.0123456789 AZaz_\n").ofMaxLength(40).map(s -> "LAPOR#" + s);
        return Arbitraries.oneOf(anything, smsLike, structured, Arbitraries.strings().ofMinLength(9_990).ofMaxLength(10_010));
    }
}
