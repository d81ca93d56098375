package id.aduan.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the data files shipped on the classpath as CSV (jackson-dataformat-csv): lines starting
 * with {@code #} are comments, the first other line is the header, and each row becomes a
 * {@code rowType} record whose components are the header's columns (named with
 * {@code @JsonProperty} where the column name is not a Java name; enums by name, dates in ISO
 * form). A file with a missing or unknown
 * column, or a row with too few or too many fields, stops the service at start rather than letting
 * it work with half its data.
 */
public final class ReferenceCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.ALLOW_COMMENTS, CsvParser.Feature.SKIP_EMPTY_LINES,
                    CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();

    private ReferenceCsv() {
    }

    /** The rows of a classpath resource, in the file's order. */
    public static <T> List<T> rows(String resource, Class<T> rowType) {
        ObjectReader reader = MAPPER.readerFor(rowType).with(CsvSchema.emptySchema().withHeader());
        InputStream in = open(resource);
        try (in; MappingIterator<T> rows = reader.readValues(in)) {
            return rows.readAll();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("reference data " + resource + " is malformed: " + e.getMessage(), e);
        }
    }

    /** A classpath resource's text, without surrounding white space: a version number, for example. */
    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference data " + resource);
        }
        return in;
    }
}
