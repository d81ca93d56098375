package id.aduan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTextTest {

    @Test
    void anExportIsAHeaderAndRowsEndedByCrlfQuotedOnlyWhereACellNeedsIt() {
        assertThat(CsvText.of(List.of("trackingId", "title", "count", "at"), List.of(
                List.of("ADU-1", "Jalan, rusak", 3, Instant.parse("2026-04-01T08:00:00Z")),
                Arrays.asList("ADU-2", "Kata warga: \"parah\"\nsekali", 0.5, null),
                List.of("ADU-3", "lampu mati di #4 (sejak 2 hari) & gelap", -2, true))))
                .isEqualTo("trackingId,title,count,at\r\n"
                        + "ADU-1,\"Jalan, rusak\",3,2026-04-01T08:00:00Z\r\n"
                        + "ADU-2,\"Kata warga: \"\"parah\"\"\nsekali\",0.5,\r\n"
                        + "ADU-3,lampu mati di #4 (sejak 2 hari) & gelap,-2,true\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void textThatStartsLikeAFormulaIsKeptAsText(String typed) {
        assertThat(CsvText.safe(typed)).isEqualTo("'" + typed);
        assertThat(CsvText.read(CsvText.of(List.of("trackingId", "title"), List.of(List.of("ADU-1", typed)))))
                .containsExactly(List.of("trackingId", "title"), List.of("ADU-1", "'" + typed));
    }

    @Test
    void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
        assertThat(CsvText.safe(-3)).isEqualTo("-3");
        assertThat(CsvText.safe(-0.25)).isEqualTo("-0.25");
        assertThat(CsvText.safe("Jalan rusak = bahaya")).isEqualTo("Jalan rusak = bahaya");
        assertThat(CsvText.safe("")).isEmpty();
        assertThat(CsvText.safe(null)).isEmpty();
        assertThat(CsvText.of(List.of("a", "b", "c"), List.of(Arrays.asList("a", null, 1)))).isEqualTo("a,b,c\r\na,,1\r\n");
    }

    @Test
    void whatItWritesReadsBackCellForCell() {
        List<List<String>> rows = List.of(List.of("title", "description"),
                List.of("Jalan, rusak", "baris satu\r\nbaris dua"), List.of("", "\"kutipan\""));
        assertThat(CsvText.read(CsvText.of(rows.get(0), rows.subList(1, rows.size())))).isEqualTo(rows);
    }

    @Test
    void readsPlainFieldsAndLines() {
        assertThat(CsvText.read("a,b,c\r\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        assertThat(CsvText.read("title,description\n\"Jalan, rusak\",\"Kata warga: \"\"parah\"\"\nsekali\"\n"))
                .containsExactly(List.of("title", "description"), List.of("Jalan, rusak", "Kata warga: \"parah\"\nsekali"));
    }

    @Test
    void emptyFieldsStayAndEmptyLinesAndAByteOrderMarkAreSkipped() {
        assertThat(CsvText.read("\uFEFFa,b,c\n\n,,\n1,,\"\"")).containsExactly(
                List.of("a", "b", "c"), List.of("", "", ""), List.of("1", "", ""));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> CsvText.read("a\n\"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
