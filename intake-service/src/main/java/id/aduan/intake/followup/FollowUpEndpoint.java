package id.aduan.intake.followup;

import id.aduan.intake.attachments.Attachments;
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

@RestController
class FollowUpEndpoint {

    private final Commands commands;
    private final Attachments attachments;
    private final Clock clock;

    FollowUpEndpoint(Commands commands, Attachments attachments, Clock clock) {
        this.commands = commands;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * The complaint itself refuses an agency other than the one assigned to it, and a unit it was not handed to.
     * Attachments are the caller's own uploads, attached as a submission's are.
     */
    @Operation(summary = "Record a follow-up on a complaint")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/follow-ups")
    @PreAuthorize("hasAnyRole('AGENCY', 'LIAISON_OFFICER')")
    Mono<StatusAnswer> followUp(@PathVariable String id, @Valid @RequestBody FollowUpRequest request,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        return attachments.attach(request.attachmentIds(), actor.subject(), id, attached -> commands.answer(id,
                request.toCommand(id, actor.agencyCode(), actor.actingUnit(), attached, clock.instant())));
    }
}
