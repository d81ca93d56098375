package id.aduan.intake.completion;

import id.aduan.intake.complaint.AnswerAsReporter;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.intake.complaint.MarkComplete;
import id.aduan.intake.complaint.ReporterSecret;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The agency marks the complaint complete, the reporter accepts or reopens it. */
@RestController
class CompletionEndpoint {

    private final Commands commands;
    private final Clock clock;

    CompletionEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Mark a complaint as handled")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/completion")
    @PreAuthorize("hasAnyRole('AGENCY', 'LIAISON_OFFICER')")
    Mono<StatusAnswer> markComplete(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        return commands.answer(id, new MarkComplete(id, actor.agencyCode(), actor.actingUnit(), clock.instant()));
    }

    @Operation(summary = "Accept or reject the handling of one's complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/reporter-answer")
    @PreAuthorize("hasRole('CITIZEN')")
    Mono<StatusAnswer> answer(@PathVariable String id, @Valid @RequestBody ReporterAnswerRequest request,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret) {
        return commands.answer(id, new AnswerAsReporter(id, request.satisfied(), request.comment(), clock.instant(),
                ReporterSecret.hash(secret)));
    }
}
