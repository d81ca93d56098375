package id.aduan.intake.archive;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ArchiveEndpoint {

    private final Commands commands;
    private final Clock clock;

    ArchiveEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Archive a complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/archive")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<StatusAnswer> archive(@PathVariable String id, @Valid @RequestBody ArchiveRequest request) {
        return commands.answer(id, request.toCommand(id, clock.instant()));
    }
}
