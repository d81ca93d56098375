package id.aduan.gateway.audit;

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

    record AuditPage(int page, int size, List<AuditEntry> entries) {
    }

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
        return auditLog.find(new AuditLog.Query(actor, agency, complaintId, from, to), page, size).collectList()
                .map(entries -> new AuditPage(page, size, entries));
    }
}
