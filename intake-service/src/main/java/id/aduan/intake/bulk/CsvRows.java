package id.aduan.intake.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled,
 * commas and line breaks allowed inside), lines ending in CRLF or LF. A leading byte-order mark,
 * which spreadsheet exports add, is skipped; empty lines are ignored.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** Every non-empty line's fields, the header first. */
    public static List<List<String>> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, field, fieldStarted);
                row = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        endRow(rows, row, field, fieldStarted);
        return rows;
    }

    /**
     * Where each column goes in a JSON body, from {@code "name"} (same name) or {@code "name=path"};
     * a path is dotted, and {@code items[0]} is an array element.
     */
    public static Map<String, String> columns(String... columns) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split("=");
            map.put(parts[0], parts.length == 2 ? parts[1] : parts[0]);
        }
        return map;
    }

    /** The header's columns; an unknown or repeated one refuses the whole file (400, field {@code header}). */
    public static List<String> header(List<String> firstLine, Set<String> known) {
        List<String> header = firstLine.stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (String column : header) {
            if (!known.contains(column)) {
                errors.add(new FieldProblem("header", "unknown column '" + column + "'; columns are " + String.join(",", known)));
            } else if (!seen.add(column)) {
                errors.add(new FieldProblem("header", "column '" + column + "' appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, errors);
        }
        return header;
    }

    /**
     * A line as a JSON body, each cell at its column's path; empty cells are left out, as absent fields.
     *
     * @throws IllegalArgumentException when the line has another number of cells than the header
     */
    public static ObjectNode toBody(List<String> header, List<String> cells, Map<String, String> columns) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("has " + cells.size() + " cells where the header has " + header.size());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < header.size(); i++) {
            String value = cells.get(i).strip();
            if (!value.isEmpty()) {
                put(body, columns.get(header.get(i)).split("\\."), value);
            }
        }
        return body;
    }

    private static void put(ObjectNode body, String[] path, String value) {
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = child(parent, path[i]);
        }
        parent.put(path[path.length - 1], value);
    }

    /** The object at {@code name} or {@code name[index]}, created when absent. */
    private static ObjectNode child(ObjectNode parent, String segment) {
        int bracket = segment.indexOf('[');
        if (bracket < 0) {
            return parent.withObjectProperty(segment);
        }
        ArrayNode array = parent.withArrayProperty(segment.substring(0, bracket));
        int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
        while (array.size() <= index) {
            array.addNull();
        }
        if (!array.get(index).isObject()) {
            array.set(index, JsonNodeFactory.instance.objectNode());
        }
        return (ObjectNode) array.get(index);
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean fieldStarted) {
        if (fieldStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        field.setLength(0);
    }
}
