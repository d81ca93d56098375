package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.inbox.InboxClocks;
import id.aduan.intake.inbox.InboxClocks.ClockView;
import id.aduan.intake.reporter.ReporterVault;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A complaint's case file (docs/tracking.md, "Case file"): the whole timeline with every text and who
 * acted, and its SLA clocks, for coordinators, the Ombudsman, the agency or unit handling it, and the
 * reporter through their secret. Identity is shown by audience as on the tracking page.
 */
@RestController
class CaseFileEndpoint {

    private final ComplaintViews views;
    private final ReporterVault vault;
    private final InboxClocks clocks;

    CaseFileEndpoint(ComplaintViews views, ReporterVault vault, InboxClocks clocks) {
        this.views = views;
        this.vault = vault;
        this.clocks = clocks;
    }

    /** @param clocks the complaint's SLA clocks, due first first */
    record CaseFile(Tracking complaint, List<ClockView> clocks) {
    }

    /**
     * 404 for whoever may not know the complaint exists (a rahasia one, or none); 401 without a token
     * or secret, 403 with one that may see the public page only.
     */
    @Operation(summary = "Read a complaint's case file")
    @Problems(ProblemType.FORBIDDEN)
    @GetMapping("/api/v1/complaints/{trackingId}/case-file")
    Mono<CaseFile> caseFile(@PathVariable String trackingId,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = token == null ? null : Actor.of(token);
        String presentedSecretHash = ReporterSecret.hash(secret);
        return views.find(trackingId)
                .switchIfEmpty(Mono.error(() -> ComplaintViews.notFound(trackingId)))
                .flatMap(complaint -> {
                    Audience audience = Audience.of(complaint, actor, presentedSecretHash);
                    if (audience == Audience.PUBLIC) {
                        return Mono.error(refusal(complaint, trackingId, actor == null && secret == null));
                    }
                    return complaint.identityFor(audience, vault)
                            .flatMap(known -> Mono.justOrEmpty(complaint.caseFileFor(audience, known)))
                            .zipWith(clocks.of(trackingId), CaseFile::new);
                });
    }

    private static RuntimeException refusal(TrackedComplaint complaint, String trackingId, boolean anonymousCaller) {
        if (complaint.confidential()) {
            return ComplaintViews.notFound(trackingId);
        }
        return anonymousCaller
                ? ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "A case file needs a token, or the reporter's secret.")
                : ProblemResponses.problem(HttpStatus.FORBIDDEN,
                        "The case file is for those who handle or supervise the complaint, and for its reporter.");
    }
}
