package id.aduan.intake.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.aduan.intake.complaint.ComplaintRuleViolation;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.manualentry.ManualEntryRequest;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.CsvText;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final Map<String, String> COLUMNS = CsvRows.columns("channel", "receivedAt", "title", "description", "categoryCode",
            "regionCode=location.regionCode", "latitude=location.latitude", "longitude=location.longitude",
            "address=location.address", "addressedAgencyCode", "anonymous", "confidential",
            "reporterName=reporter.name", "reporterEmail=reporter.email", "reporterPhone=reporter.phone",
            "reporterNik=reporter.nik");

    private final ComplaintIntake intake;
    private final BodyCheck bodies;

    BatchEndpoint(ComplaintIntake intake, BodyCheck bodies) {
        this.intake = intake;
        this.bodies = bodies;
    }

    /**
     * @param row counted from 1: the array's first element, or the CSV's first line after the header
     * @param reporterSecret for the admin to pass on to the reporter; only the first time the row is accepted
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RowResult(int row, Outcome outcome, String trackingId, String reporterSecret, List<FieldProblem> errors) {
    }

    enum Outcome {
        ACCEPTED,
        REJECTED
    }

    record BatchResult(int accepted, int rejected, List<RowResult> rows) {
    }

    @Operation(summary = "Enter a batch of complaints received offline (JSON or CSV)")
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

    @Operation(summary = "Enter a batch of complaints received offline (JSON or CSV)")
    @PostMapping(path = "/api/v1/channels/manual/batch", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'AGENCY')")
    Mono<BatchResult> enterCsv(@RequestBody String csv,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        List<List<String>> lines;
        try {
            lines = CsvText.read(csv);
        } catch (IllegalArgumentException e) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "rows", e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "header", "the first line must name the columns");
        }
        List<String> header = CsvRows.header(lines.get(0), COLUMNS.keySet());
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
                        .map(result -> result.errors() == null ? result : new RowResult(result.row(), result.outcome(), null, null,
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
        BodyCheck.Checked<ManualEntryRequest> checked = bodies.read(line.body(), ManualEntryRequest.class, "a manual-form body");
        if (checked.value() == null) {
            return Mono.just(rejected(row, checked.errors()));
        }
        return intake.submit(checked.value().toIncoming(admin), key)
                .map(accepted -> new RowResult(row, Outcome.ACCEPTED, accepted.trackingId(), accepted.reporterSecret(), null))
                .onErrorResume(RejectedInput.class, refused -> Mono.just(rejected(row, refused.errors())))
                .onErrorResume(ComplaintRuleViolation.class, refused ->
                        Mono.just(rejected(row, List.of(new FieldProblem(refused.field(), refused.getMessage())))));
    }

    private static RowResult rejected(int row, List<FieldProblem> errors) {
        return new RowResult(row, Outcome.REJECTED, null, null, errors);
    }

    /** A CSV line as a manual-form body. */
    private static Row toRow(List<String> header, List<String> cells) {
        try {
            return new Row(CsvRows.toBody(header, cells, COLUMNS), null);
        } catch (IllegalArgumentException e) {
            return new Row(null, e.getMessage());
        }
    }
}
