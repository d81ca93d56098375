package id.aduan.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates in the zone of the agency or region they concern, named as people in Indonesia name it (the reference
 * data's provinces: 32 Jawa Barat WIB, 73 Sulawesi Selatan WITA, 91 Papua WIT), and numbers in the page's language.
 */
class FormatsTest {

    private static final Instant HALF_PAST_MIDNIGHT_IN_JAKARTA = Instant.parse("2026-03-26T17:30:00Z");
    /** 23.30 on 26 March in Bandung, already 27 March in Makassar and Jayapura. */
    private static final Instant HALF_PAST_ELEVEN_IN_JAKARTA = Instant.parse("2026-03-26T16:30:00Z");

    private final Formats formats = new Formats();

    @ParameterizedTest
    @CsvSource({
            // An agency of Kota Bandung (Jawa Barat), of Kota Makassar (Sulawesi Selatan), of Kota Jayapura (Papua).
            "32.73.DPUPR, 27 Maret 2026 00.30 WIB",
            "73.71.DPUPR, 27 Maret 2026 01.30 WITA",
            "91.71.DPUPR, 27 Maret 2026 02.30 WIT",
            // Regions, as a complaint's location names them.
            "73.71,       27 Maret 2026 01.30 WITA",
            "91,          27 Maret 2026 02.30 WIT",
            // A national agency, and none: the nation's zone.
            "KEMENPU,     27 Maret 2026 00.30 WIB",
            "'',          27 Maret 2026 00.30 WIB",
    })
    void aTimeIsShownInTheZoneOfItsAgencyOrRegionWithTheZonesName(String code, String shown) {
        assertThat(formats.dateTime(HALF_PAST_MIDNIGHT_IN_JAKARTA, code, LanguageCookie.INDONESIAN)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
            "32.73.DPUPR, 26 Maret 2026",
            "73.71.DPUPR, 27 Maret 2026",
            "91.71.DPUPR, 27 Maret 2026",
    })
    void theDayIsTheDayInThatZone(String agency, String day) {
        assertThat(formats.day(HALF_PAST_ELEVEN_IN_JAKARTA, agency, LanguageCookie.INDONESIAN)).isEqualTo(day);
    }

    @Test
    void theAPIsTimestampsAreReadAsInstants() {
        assertThat(formats.day("2026-03-26T16:30:00Z", "73.71.DPUPR", LanguageCookie.INDONESIAN)).isEqualTo("27 Maret 2026");
        assertThat(formats.dateTime(null, "73.71.DPUPR", LanguageCookie.INDONESIAN)).isEmpty();
        assertThat(formats.day("", "73.71.DPUPR", LanguageCookie.INDONESIAN)).isEmpty();
    }

    @Test
    void englishNamesTheMonthInEnglishAndKeepsTheZonesName() {
        assertThat(formats.dateTime(HALF_PAST_MIDNIGHT_IN_JAKARTA, "73.71.DPUPR", LanguageCookie.ENGLISH))
                .isEqualTo("27 March 2026 01.30 WITA");
        assertThat(formats.day(LocalDate.of(2026, 3, 27), LanguageCookie.ENGLISH)).isEqualTo("27 March 2026");
        assertThat(formats.day(LocalDate.of(2026, 3, 27), LanguageCookie.INDONESIAN)).isEqualTo("27 Maret 2026");
    }

    @Test
    void numbersAndPercentagesFollowThePagesLanguage() {
        assertThat(formats.number(12345, LanguageCookie.INDONESIAN)).isEqualTo("12.345");
        assertThat(formats.number(12345, LanguageCookie.ENGLISH)).isEqualTo("12,345");
        assertThat(formats.percent(0.875, LanguageCookie.INDONESIAN)).isEqualTo("87,5%");
        assertThat(formats.percent(0.875, LanguageCookie.ENGLISH)).isEqualTo("87.5%");
        assertThat(formats.percent(1, LanguageCookie.INDONESIAN)).isEqualTo("100%");
        assertThat(formats.number(null, LanguageCookie.INDONESIAN)).isEmpty();
    }

    @Test
    void regionsAreNamedFromTheReference() {
        assertThat(formats.regionName("73.71")).isEqualTo("Kota Makassar");
        assertThat(formats.regionName("99.99")).isEqualTo("99.99");
    }
}
