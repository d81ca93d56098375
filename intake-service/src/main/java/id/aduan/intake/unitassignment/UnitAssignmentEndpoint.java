package id.aduan.intake.unitassignment;

import id.aduan.intake.complaint.AssignToUnit;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The agency admin hands a complaint assigned to the agency to one of its units. */
@RestController
class UnitAssignmentEndpoint {

    private final Commands commands;
    private final Clock clock;

    UnitAssignmentEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Hand a complaint to one of the agency's units")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/unit-assignment")
    @PreAuthorize("hasRole('AGENCY')")
    Mono<StatusAnswer> assign(@PathVariable String id, @Valid @RequestBody UnitAssignmentRequest request,
            @AuthenticationPrincipal Jwt token) {
        return commands.answer(id, new AssignToUnit(id, Actor.of(token).agencyCode(), request.unitCode(), clock.instant()));
    }
}
