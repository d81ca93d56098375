package id.aduan.routing.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference data's CSV files: lines starting with {@code #} are comments, the first other
 * line is the header, fields never contain commas or quotes. A malformed file stops the service at
 * start rather than routing with half a catalogue.
 */
public final class CsvResource {

    static final String DIRECTORY = "reference/";

    private CsvResource() {
    }

    public static List<String[]> rows(String file, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            boolean header = true;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(file + " line " + lineNumber + ": expected " + columns
                            + " fields, found " + fields.length);
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static String text(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = CsvResource.class.getClassLoader().getResourceAsStream(DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException("missing reference data " + DIRECTORY + file);
        }
        return in;
    }
}
