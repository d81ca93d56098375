package id.aduan.intake.verify;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class VerificationEndpoint {

    private final Commands commands;
    private final Clock clock;

    VerificationEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** A corrected category or region re-routes the complaint (routing-service, docs/routing.md). */
    @Operation(summary = "Verify a complaint, correcting its category or region")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/verification")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<StatusAnswer> verify(@PathVariable String id, @Valid @RequestBody VerificationRequest request,
            @AuthenticationPrincipal Jwt token) {
        List<FieldProblem> unknown = request.unknownCodes();
        if (!unknown.isEmpty()) {
            return Mono.error(new RejectedInput(HttpStatus.BAD_REQUEST, unknown));
        }
        return commands.answer(id, request.toCommand(id, Actor.of(token).subject(), clock.instant()));
    }
}
