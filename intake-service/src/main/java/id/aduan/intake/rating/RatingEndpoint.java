package id.aduan.intake.rating;

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
class RatingEndpoint {

    private final Commands commands;
    private final Clock clock;

    RatingEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    // Any citizen token may rate until complaints know their reporter's account.
    @PostMapping("/api/v1/complaints/{id}/rating")
    @PreAuthorize("hasRole('CITIZEN')")
    Mono<StatusAnswer> rate(@PathVariable String id, @Valid @RequestBody RatingRequest request) {
        return commands.answer(id, new RateComplaint(id, request.score(), request.comment(), clock.instant()));
    }
}
