package id.aduan.intake.question;

import id.aduan.intake.complaint.AnswerQuestion;
import id.aduan.intake.complaint.AskReporter;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
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

/** The round trip of a question during follow-up: the agency holding the complaint asks, the reporter answers. */
@RestController
class QuestionEndpoint {

    private final Commands commands;
    private final Clock clock;

    QuestionEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The complaint itself refuses an agency other than the one assigned to it, and a unit it was not handed to. */
    @Operation(summary = "Ask the reporter a question about a complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/question")
    @PreAuthorize("hasAnyRole('AGENCY', 'LIAISON_OFFICER')")
    Mono<StatusAnswer> ask(@PathVariable String id, @Valid @RequestBody QuestionRequest request,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        return commands.answer(id, new AskReporter(id, actor.agencyCode(), actor.actingUnit(), request.question(),
                clock.instant()));
    }

    @Operation(summary = "Answer an agency's question about one's complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/question-answer")
    @PreAuthorize("hasRole('CITIZEN')")
    Mono<StatusAnswer> answer(@PathVariable String id, @Valid @RequestBody QuestionAnswerRequest request,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret) {
        return commands.answer(id, new AnswerQuestion(id, request.answer(), clock.instant(), ReporterSecret.hash(secret)));
    }
}
