package id.aduan.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV (RFC 4180) through jackson-dataformat-csv: exports that people open in a spreadsheet, and the
 * files they upload from one. Exports have a header line, CRLF line ends, and quotes only around a
 * cell that needs them (a comma, quote or line break in it).
 */
public final class CsvText {

    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** Strict quoting: by default Jackson quotes any cell longer than 24 characters or holding a space. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final ObjectWriter WRITER = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
    private static final ObjectReader READER = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema());
    /** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvText() {
    }

    /** Whether the caller asked for CSV by name (a wildcard asks for the default, JSON). */
    public static boolean wanted(HttpHeaders request) {
        return request.getAccept().stream().anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MEDIA_TYPE));
    }

    /** CSV as a download named {@code name}.csv; the name is the server's, never the caller's. */
    public static ResponseEntity<Object> download(String name, String csv) {
        return ResponseEntity.ok().contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv);
    }

    /** A header line and the rows, each line ended by CRLF; every cell {@link #safe}. */
    public static String of(List<String> header, List<? extends List<?>> rows) {
        StringWriter csv = new StringWriter();
        try (SequenceWriter lines = WRITER.writeValues(csv)) {
            lines.write(header.stream().map(CsvText::safe).toList());
            for (List<?> row : rows) {
                lines.write(row.stream().map(CsvText::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /**
     * A cell as text a spreadsheet shows and never runs (CSV injection): text that starts like a
     * formula gets a leading apostrophe, which makes it text. Numbers are written as they are, a
     * negative one included; null is an empty cell.
     */
    public static String safe(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        boolean formula = value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula ? "'" + text : text;
    }

    /**
     * Every non-empty line's cells, the header first: fields optionally in double quotes (a quote
     * inside doubled; commas and line breaks allowed inside), lines ending in CRLF or LF. A leading
     * byte-order mark, which spreadsheet exports add, is skipped.
     *
     * @throws IllegalArgumentException when the text is not CSV (a quoted field not closed)
     */
    public static List<List<String>> read(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = READER.readValues(text)) {
            while (lines.hasNextValue()) {
                rows.add(lines.nextValue());
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalArgumentException(e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
