package id.aduan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {

    record Row(String code, @JsonProperty("display_name") String name) {
    }

    @Test
    void readsRowsByTheHeaderSkippingCommentsAndBlankLines() {
        assertThat(ReferenceCsv.rows("csv/good.csv", Row.class)).containsExactly(
                new Row("A", "Alpha"), new Row("B", "Beta, quoted"), new Row("C", ""));
    }

    @Test
    void aRowWithTooFewOrTooManyFieldsStopsTheReader() {
        assertThatThrownBy(() -> ReferenceCsv.rows("csv/short-row.csv", Row.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("csv/short-row.csv");
        assertThatThrownBy(() -> ReferenceCsv.rows("csv/long-row.csv", Row.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("csv/long-row.csv");
    }

    @Test
    void aMissingOrUnknownColumnStopsTheReader() {
        assertThatThrownBy(() -> ReferenceCsv.rows("csv/missing-column.csv", Row.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("csv/missing-column.csv");
        assertThatThrownBy(() -> ReferenceCsv.rows("csv/unknown-column.csv", Row.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("csv/unknown-column.csv");
    }

    @Test
    void aMissingFileSaysWhichOne() {
        assertThatThrownBy(() -> ReferenceCsv.rows("csv/nowhere.csv", Row.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing reference data csv/nowhere.csv");
        assertThat(ReferenceCsv.text("csv/VERSION")).isEqualTo("2025.2");
    }
}
