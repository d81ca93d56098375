package id.aduan.intake.manualentry;

import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.submit.Accepted;
import id.aduan.intake.submit.Accepted.Submitted;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The manual form: WhatsApp, Instagram, Facebook, phone, letter and walk-in complaints typed in by an admin. */
@RestController
class ManualEntryEndpoint {

    private final ComplaintIntake intake;

    ManualEntryEndpoint(ComplaintIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Enter a complaint received offline")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @ApiResponse(responseCode = "201", description = "Accepted: the tracking id, and the reporter's secret", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same idempotency key again: the same answer, without the secret", useReturnTypeSchema = true)
    @PostMapping("/api/v1/channels/manual")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'AGENCY')")
    Mono<ResponseEntity<Submitted>> enter(@Valid @RequestBody ManualEntryRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        return intake.submit(request.toIncoming(caller.getSubject()), IdempotencyKey.ofClientOrNone(caller.getSubject(), idempotencyKey))
                .map(Accepted::respond);
    }
}
