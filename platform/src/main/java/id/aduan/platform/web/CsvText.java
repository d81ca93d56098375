package id.aduan.platform.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.util.stream.Collectors;

/** CSV (RFC 4180) for exports that people open in a spreadsheet. */
public final class CsvText {

    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");

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

    /** A header line and the rows, each line ended by CRLF. */
    public static String of(List<String> header, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** One line, ended by CRLF. */
    public static String line(List<?> cells) {
        return cells.stream().map(CsvText::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * Text a citizen wrote that starts like a formula is kept from running as one in a spreadsheet
     * (CSV injection): a leading apostrophe makes it text. Numbers are written as they are.
     */
    private static String cell(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
