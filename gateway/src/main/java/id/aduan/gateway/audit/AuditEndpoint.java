package id.aduan.gateway.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.platform.web.NumberedPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit trail for the national coordinators and the Ombudsman: who changed what, when and from where. */
@RestController
class AuditEndpoint {

    private final AuditLog auditLog;

    AuditEndpoint(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** One page of the trail, newest first, in the shape of every list (docs/api.md). */
    record AuditPage(int page, int size, long total, List<AuditEntry> items) implements NumberedPage<AuditEntry> {

        /** {@code items} under the name it had before every list took one shape (docs/api.md); goes in v2. */
        @JsonProperty
        @Schema(deprecated = true, description = "The same as items; goes in v2.")
        List<AuditEntry> entries() {
            return items;
        }
    }

    @Operation(summary = "Read the audit trail: who changed what, when and from where")
    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<AuditPage> audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String complaintId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        AuditLog.Query query = new AuditLog.Query(actor, agency, complaintId, from, to);
        return Mono.zip(auditLog.count(query), auditLog.find(query, page, size).collectList())
                .map(found -> new AuditPage(page, size, found.getT1(), found.getT2()));
    }
}
