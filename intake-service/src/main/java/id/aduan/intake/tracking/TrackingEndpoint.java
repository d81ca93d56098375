package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.reporter.ReporterVault;
import id.aduan.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Citizen tracking: open without a token (aduan.security.public-get-paths). What a caller sees
 * depends on who they are ({@link Audience}); a complaint they may not see is answered exactly like
 * one that does not exist.
 */
@RestController
class TrackingEndpoint {

    private final ComplaintViews views;
    private final ReporterVault vault;

    TrackingEndpoint(ComplaintViews views, ReporterVault vault) {
        this.views = views;
        this.vault = vault;
    }

    @Operation(summary = "Track a complaint")
    @GetMapping("/api/v1/complaints/{trackingId}")
    Mono<Tracking> track(@PathVariable String trackingId,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = token == null ? null : Actor.of(token);
        String presentedSecretHash = ReporterSecret.hash(secret);
        return views.find(trackingId)
                .flatMap(complaint -> {
                    Audience audience = Audience.of(complaint, actor, presentedSecretHash);
                    return complaint.identityFor(audience, vault)
                            .flatMap(known -> Mono.justOrEmpty(complaint.shownTo(audience, known)));
                })
                .switchIfEmpty(Mono.error(() -> ComplaintViews.notFound(trackingId)));
    }
}
