package id.aduan.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.web.i18n.Formats;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FigureTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private final Formats formats = new Formats();

    @Test
    void countsRatesAndAveragesReadAsPeopleInIndonesiaWriteThem() throws Exception {
        JsonNode figures = new ObjectMapper().readTree("""
                {"received": 12345, "completionRate": 0.8333, "averageFollowUpWorkingDays": 2.25, "satisfaction": null}""");

        assertThat(Figure.RECEIVED.text(figures, formats, INDONESIAN)).isEqualTo("12.345");
        assertThat(Figure.COMPLETION_RATE.text(figures, formats, INDONESIAN)).isEqualTo("83,3%");
        assertThat(Figure.AVERAGE_FOLLOW_UP_WORKING_DAYS.text(figures, formats, Locale.ENGLISH)).isEqualTo("2.25");
    }

    @Test
    void aFigureTheApiLeavesNullOrOutHasNoTextRatherThanZero() throws Exception {
        JsonNode figures = new ObjectMapper().readTree("{\"satisfaction\": null}");

        assertThat(Figure.SATISFACTION.value(figures)).isNull();
        assertThat(Figure.SATISFACTION.text(figures, formats, INDONESIAN)).isEmpty();
        assertThat(Figure.OVERDUE.text(figures, formats, INDONESIAN)).isEmpty();
    }

    @Test
    void everyFigureIsFoundByItsApiName() {
        for (Figure figure : Figure.values()) {
            assertThat(Figure.of(figure.key())).contains(figure);
        }
        assertThat(Figure.of("completionSeconds")).isEmpty();
    }
}
