package id.aduan.intake.rating;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.intake.complaint.RateComplaint;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    @Operation(summary = "Rate how a complaint was handled")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/rating")
    @PreAuthorize("hasRole('CITIZEN')")
    Mono<StatusAnswer> rate(@PathVariable String id, @Valid @RequestBody RatingRequest request,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret) {
        return commands.answer(id, new RateComplaint(id, request.score(), request.comment(), clock.instant(),
                ReporterSecret.hash(secret)));
    }
}
