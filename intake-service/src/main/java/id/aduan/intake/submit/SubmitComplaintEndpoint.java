package id.aduan.intake.submit;

import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.submit.Accepted.Submitted;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Web and mobile apps. */
@RestController
class SubmitComplaintEndpoint {

    private final ComplaintIntake intake;
    private final Clock clock;

    SubmitComplaintEndpoint(ComplaintIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @Operation(summary = "Submit a complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION, ProblemType.RATE_LIMITED})
    @ApiResponse(responseCode = "201", description = "Accepted: the tracking id, and the reporter's secret", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same idempotency key again: the same answer, without the secret", useReturnTypeSchema = true)
    @PostMapping("/api/v1/complaints")
    @PreAuthorize("hasAnyRole('CITIZEN', 'COORDINATOR')")
    Mono<ResponseEntity<Submitted>> submit(@Valid @RequestBody SubmitComplaintRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        Incoming incoming = new Incoming(request.toSubmission(clock.instant()),
                SubmitComplaintRequest.ReporterRequest.toReporter(request.reporter()), request.attachmentIds(), caller.getSubject());
        return intake.submit(incoming, IdempotencyKey.ofClientOrNone(caller.getSubject(), idempotencyKey))
                .map(Accepted::respond);
    }
}
