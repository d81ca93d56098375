package id.aduan.intake.verify;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
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

    @PostMapping("/api/v1/complaints/{id}/verification")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<StatusAnswer> verify(@PathVariable String id, @Valid @RequestBody VerificationRequest request) {
        return commands.answer(id, request.toCommand(id, clock.instant()));
    }
}
