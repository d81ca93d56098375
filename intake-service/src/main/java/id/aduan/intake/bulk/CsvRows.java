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
 * Lines of an uploaded CSV file (read by the platform's {@code CsvText}) as JSON bodies, column by
 * column, the way the single-complaint endpoints take them.
 */
public final class CsvRows {

    private CsvRows() {
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
}
