package id.aduan.intake.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void plainFieldsAndLines() {
        assertThat(CsvRows.parse("a,b,c\r\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        assertThat(CsvRows.parse("title,description\n\"Jalan, rusak\",\"Kata warga: \"\"parah\"\"\nsekali\"\n"))
                .containsExactly(List.of("title", "description"), List.of("Jalan, rusak", "Kata warga: \"parah\"\nsekali"));
    }

    @Test
    void emptyFieldsStayAndEmptyLinesAreSkipped() {
        assertThat(CsvRows.parse("\uFEFFa,b,c\n\n,,\n1,,\"\"")).containsExactly(
                List.of("a", "b", "c"), List.of("", "", ""), List.of("1", "", ""));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> CsvRows.parse("a\n\"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
