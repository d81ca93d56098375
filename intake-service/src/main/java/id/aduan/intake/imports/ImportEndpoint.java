package id.aduan.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.bulk.CsvRows;
import id.aduan.intake.imports.ImportHistories.ImportResult;
import id.aduan.intake.imports.ImportHistories.Line;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.CsvText;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Migration of complaint histories from retired local complaint apps (docs/imports.md), as JSON
 * lines or CSV. A file over the limits is refused whole before any history is looked at.
 */
@RestController
class ImportEndpoint {

    static final String PATH = "/api/v1/imports";

    /** CSV columns and where each goes in a JSON-lines history; CSV has room for three follow-ups. */
    static final Map<String, String> COLUMNS = CsvRows.columns("sourceApp", "legacyId", "title", "description",
            "categoryCode", "regionCode=location.regionCode", "latitude=location.latitude", "longitude=location.longitude",
            "address=location.address", "originalChannel", "anonymous", "confidential", "submittedAt",
            "verifiedAt=verification.at", "classification=verification.classification",
            "routedAt=routing.at", "agencyCode=routing.agencyCode",
            "followUp1At=followUps[0].at", "followUp1Text=followUps[0].text",
            "followUp2At=followUps[1].at", "followUp2Text=followUps[1].text",
            "followUp3At=followUps[2].at", "followUp3Text=followUps[2].text",
            "markedCompleteAt=completion.markedCompleteAt", "completedAt=completion.at", "completedHow=completion.how");

    private final ImportHistories histories;
    private final ObjectMapper json;
    private final int maxLines;
    private final int maxBytes;

    ImportEndpoint(ImportHistories histories, ObjectMapper json,
            @Value("${aduan.imports.max-lines:10000}") int maxLines,
            @Value("${aduan.imports.max-bytes:33554432}") int maxBytes) {
        this.histories = histories;
        this.json = json;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    @Operation(summary = "Import complaint histories from a legacy app (JSON lines or CSV)")
    @Problems({ProblemType.VALIDATION, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE})
    @PostMapping(path = PATH, consumes = "application/x-ndjson")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ImportResult> importJsonLines(ServerHttpRequest request) {
        return text(request).flatMap(text -> {
            String[] physical = text.split("\n", -1);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < physical.length; i++) {
                String line = physical[i].strip();
                if (!line.isEmpty()) {
                    lines.add(readJson(i + 1, line));
                }
            }
            return importAll(lines, UnaryOperator.identity());
        });
    }

    @Operation(summary = "Import complaint histories from a legacy app (JSON lines or CSV)")
    @Problems({ProblemType.VALIDATION, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE})
    @PostMapping(path = PATH, consumes = "text/csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ImportResult> importCsv(ServerHttpRequest request) {
        return text(request).flatMap(text -> {
            List<List<String>> rows;
            try {
                rows = CsvText.read(text);
            } catch (IllegalArgumentException e) {
                throw new RejectedInput(HttpStatus.BAD_REQUEST, "lines", e.getMessage());
            }
            if (rows.isEmpty()) {
                throw new RejectedInput(HttpStatus.BAD_REQUEST, "header", "the first line must name the columns");
            }
            List<String> header = CsvRows.header(rows.get(0), COLUMNS.keySet());
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i < rows.size(); i++) {
                try {
                    lines.add(new Line(i, CsvRows.toBody(header, rows.get(i), COLUMNS), null));
                } catch (IllegalArgumentException e) {
                    lines.add(new Line(i, null, e.getMessage()));
                }
            }
            // Errors name the CSV column, not the history field it went to.
            Map<String, String> columnOf = new HashMap<>();
            COLUMNS.forEach((column, field) -> columnOf.put(field, column));
            return importAll(lines, field -> columnOf.getOrDefault(field, field));
        });
    }

    private Mono<ImportResult> importAll(List<Line> lines, UnaryOperator<String> fieldName) {
        if (lines.size() > maxLines) {
            throw new RejectedInput(HttpStatus.PAYLOAD_TOO_LARGE, "lines",
                    "an import holds at most " + maxLines + " complaint histories; this one has " + lines.size());
        }
        if (lines.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "lines", "the import has no complaint histories");
        }
        return histories.importAll(lines, fieldName);
    }

    private Line readJson(int number, String line) {
        try {
            JsonNode body = json.readTree(line);
            return body.isObject() ? new Line(number, body, null) : new Line(number, null, "must be a JSON object");
        } catch (JsonProcessingException e) {
            return new Line(number, null, "is not well-formed JSON");
        }
    }

    /** The whole body, refused (413) beyond the byte limit while it is read, so an oversized file is never held. */
    private Mono<String> text(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new RejectedInput(HttpStatus.PAYLOAD_TOO_LARGE, "body",
                        "an import holds at most " + maxBytes + " bytes"));
    }
}
