package id.aduan.intake.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.aduan.intake.complaint.ComplaintRuleViolation;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.manualentry.ManualEntryRequest;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A recapitulated batch of manual-form complaints, as JSON (an array of manual-form bodies) or
 * CSV. Each row is checked and submitted on its own: a good row is accepted even when another
 * is not. A batch over the limit is refused whole before any row is looked at.
 */
@RestController
class BatchEndpoint {

    static final int MAX_ROWS = 100;

    /** CSV columns and where each goes in a manual-form body. */
    static final Map<String, String> COLUMNS = columns("channel", "receivedAt", "title", "description", "categoryCode",
            "regionCode=location.regionCode", "latitude=location.latitude", "longitude=location.longitude",
            "address=location.address", "addressedAgencyCode", "anonymous", "confidential",
            "reporterName=reporter.name", "reporterEmail=reporter.email", "reporterPhone=reporter.phone");

    private final ComplaintIntake intake;
    private final ObjectMapper json;
    private final Validator validator;

    BatchEndpoint(ComplaintIntake intake, ObjectMapper json, Validator validator) {
        this.intake = intake;
        this.json = json;
        this.validator = validator;
    }

    /** @param row counted from 1: the array's first element, or the CSV's first line after the header */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RowResult(int row, Outcome outcome, String trackingId, List<FieldProblem> errors) {
    }

    enum Outcome {
        ACCEPTED,
        REJECTED
    }

    record BatchResult(int accepted, int rejected, List<RowResult> rows) {
    }

    @PostMapping(path = "/api/v1/channels/manual/batch", consumes = "application/json")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'AGENCY')")
    Mono<BatchResult> enterJson(@RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        if (!(body instanceof ArrayNode array)) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "rows", "must be a JSON array of manual-form bodies");
        }
        List<Row> rows = new ArrayList<>();
        array.forEach(element -> rows.add(new Row(element, null)));
        return enter(rows, UnaryOperator.identity(), IdempotencyKey.ofClientOrNone(caller.getSubject(), idempotencyKey), caller);
    }

    @PostMapping(path = "/api/v1/channels/manual/batch", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'AGENCY')")
    Mono<BatchResult> enterCsv(@RequestBody String csv,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        List<List<String>> lines;
        try {
            lines = CsvRows.parse(csv);
        } catch (IllegalArgumentException e) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "rows", e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "header", "the first line must name the columns");
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        checkHeader(header);
        List<Row> rows = lines.subList(1, lines.size()).stream().map(cells -> toRow(header, cells)).toList();
        // Errors name the CSV column, not the body field it went to.
        Map<String, String> columnOf = new LinkedHashMap<>();
        COLUMNS.forEach((column, field) -> columnOf.put(field, column));
        return enter(rows, field -> columnOf.getOrDefault(field, field),
                IdempotencyKey.ofClientOrNone(caller.getSubject(), idempotencyKey), caller);
    }

    /** A row's body, or why the line could not become one. */
    private record Row(JsonNode body, String unreadable) {
    }

    private Mono<BatchResult> enter(List<Row> rows, UnaryOperator<String> fieldName, IdempotencyKey key, Jwt caller) {
        if (rows.size() > MAX_ROWS) {
            throw new RejectedInput(HttpStatus.PAYLOAD_TOO_LARGE, "rows",
                    "a batch holds at most " + MAX_ROWS + " rows; this one has " + rows.size());
        }
        if (rows.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "rows", "the batch has no rows");
        }
        // One row after another: the batch keeps its order and does not flood the event store.
        return Flux.range(1, rows.size())
                .concatMap(row -> enterRow(row, rows.get(row - 1), key == null ? null : key.row(row), caller.getSubject())
                        .map(result -> result.errors() == null ? result : new RowResult(result.row(), result.outcome(), null,
                                result.errors().stream().map(e -> new FieldProblem(fieldName.apply(e.field()), e.message())).toList())))
                .collectList()
                .map(results -> {
                    int accepted = (int) results.stream().filter(r -> r.outcome() == Outcome.ACCEPTED).count();
                    return new BatchResult(accepted, results.size() - accepted, results);
                });
    }

    private Mono<RowResult> enterRow(int row, Row line, IdempotencyKey key, String admin) {
        if (line.unreadable() != null) {
            return Mono.just(rejected(row, List.of(new FieldProblem("row", line.unreadable()))));
        }
        ManualEntryRequest request;
        try {
            request = json.treeToValue(line.body(), ManualEntryRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Mono.just(rejected(row, List.of(problemOf(e))));
        }
        if (request == null) {
            return Mono.just(rejected(row, List.of(new FieldProblem("row", "must be a manual-form body"))));
        }
        List<FieldProblem> errors = validator.validate(request).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!errors.isEmpty()) {
            return Mono.just(rejected(row, errors));
        }
        return intake.submit(request.toIncoming(admin), key)
                .map(accepted -> new RowResult(row, Outcome.ACCEPTED, accepted.trackingId(), null))
                .onErrorResume(RejectedInput.class, refused -> Mono.just(rejected(row, refused.errors())))
                .onErrorResume(ComplaintRuleViolation.class, refused ->
                        Mono.just(rejected(row, List.of(new FieldProblem(refused.field(), refused.getMessage())))));
    }

    private static RowResult rejected(int row, List<FieldProblem> errors) {
        return new RowResult(row, Outcome.REJECTED, null, errors);
    }

    private static FieldProblem problemOf(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append(reference.getFieldName() != null
                        ? (path.isEmpty() ? "" : ".") + reference.getFieldName() : "[" + reference.getIndex() + "]");
            }
            return new FieldProblem(path.toString(), mapping instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format");
        }
        return new FieldProblem("row", "is not a manual-form body");
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.containsKey(column)) {
                errors.add(new FieldProblem("header", "unknown column '" + column + "'; columns are " + String.join(",", COLUMNS.keySet())));
            } else if (!seen.add(column)) {
                errors.add(new FieldProblem("header", "column '" + column + "' appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, errors);
        }
    }

    /** A CSV line as a manual-form body; empty cells are left out, as absent fields. */
    private Row toRow(List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            return new Row(null, "has " + cells.size() + " cells where the header has " + header.size());
        }
        ObjectNode body = json.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String value = cells.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            String[] path = COLUMNS.get(header.get(i)).split("\\.");
            ObjectNode parent = path.length == 1 ? body : body.withObjectProperty(path[0]);
            parent.put(path[path.length - 1], value);
        }
        return new Row(body, null);
    }

    private static Map<String, String> columns(String... columns) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split("=");
            map.put(parts[0], parts.length == 2 ? parts[1] : parts[0]);
        }
        return map;
    }
}
