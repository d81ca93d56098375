package id.aduan.intake.socialmedia;

import id.aduan.contracts.Channel;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.submit.Accepted;
import id.aduan.intake.submit.Accepted.Submitted;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.intake.submit.MessageText;
import id.aduan.intake.submit.MessageText.Read;
import id.aduan.intake.submit.MessageText.Reading;
import id.aduan.intake.submit.MessageText.Unreadable;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** X/Twitter mentions of and direct messages to @lapor1708, forwarded by the social-media gateway. */
@RestController
class SocialMediaEndpoint {

    private final ComplaintIntake intake;
    private final Clock clock;

    SocialMediaEndpoint(ComplaintIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    // A dedicated channel-gateway client comes with the security issue; until then the gateway uses a coordinator token.
    @Operation(summary = "Receive a complaint from a social media post")
    @Problems(ProblemType.RULE_VIOLATION)
    @ApiResponse(responseCode = "201", description = "Accepted: the tracking id, and the reporter's secret", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same idempotency key again: the same answer, without the secret", useReturnTypeSchema = true)
    @PostMapping("/api/v1/channels/social-media")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<Submitted>> receive(@Valid @RequestBody SocialMediaPost post, @AuthenticationPrincipal Jwt caller) {
        // The mentions that open a post (@lapor1708 ...) address it; they are not what it says.
        Reading reading = MessageText.read(post.text().replaceFirst("^(\\s*@[A-Za-z0-9_]+)+", ""));
        if (reading instanceof Unreadable unreadable) {
            throw new RejectedInput(HttpStatus.UNPROCESSABLE_ENTITY, "text", unreadable.reason());
        }
        Submission submission = ((Read) reading).toSubmission(Channel.SOCIAL_MEDIA, post.createdAt(), clock.instant());
        Incoming incoming = new Incoming(submission, new Reporter(null, null, null, null, post.handle()), List.of(), caller.getSubject());
        return intake.submit(incoming, IdempotencyKey.ofMessage(Channel.SOCIAL_MEDIA, post.postId())).map(Accepted::respond);
    }
}
