package id.aduan.routing.administrative;

import static id.aduan.platform.web.ProblemResponses.problem;

import id.aduan.platform.security.Actor;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.history.RecordedDecision;
import id.aduan.routing.history.RoutingSteps;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.routing.reference.Region;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Moves the complaints that earlier catalogues routed to regency/city offices of administrative
 * regions (31.71.DUKCAPIL, which does not exist) to the province's office holding the affair and the
 * region's suku dinas (docs/routing.md, "Administrative regions"): one coordinator's disposition per
 * complaint, with their reason. Run again, it finds nothing left to move.
 */
@RestController
class AdministrativeRegionsRedisposition {

    record RedispositionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * @param redisposed the steps taken, one per complaint moved
     * @param left complaints found with such an office but not moved (closed, or routed meanwhile), and why
     */
    record Redisposition(List<RecordedDecision> redisposed, List<Left> left) {
    }

    record Left(String complaintId, String agencyCode, String why) {
    }

    private final DecisionLog decisions;
    private final RoutingSteps steps;
    private final List<String> nonexistentOffices;

    AdministrativeRegionsRedisposition(DecisionLog decisions, RoutingSteps steps, ReferenceData data) {
        this.decisions = decisions;
        this.steps = steps;
        this.nonexistentOffices = data.regions().all().stream()
                .filter(region -> region.level() == Region.Level.REGENCY && data.regions().administrative(region).isPresent())
                .flatMap(region -> data.agencies().regencyOfficeCodes(region).stream())
                .toList();
    }

    @Operation(summary = "Re-dispose the complaints of regions whose administration changed")
    @PostMapping("/api/v1/routing/administrative-regions/redisposition")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<Redisposition> redispose(@Valid @RequestBody RedispositionRequest request, @AuthenticationPrincipal Jwt token) {
        String actor = Actor.of(token).subject();
        return decisions.lyingWith(nonexistentOffices)
                .concatMap(lying -> redispose(lying, actor, request.reason()))
                .collectList()
                .map(outcomes -> new Redisposition(
                        outcomes.stream().filter(outcome -> outcome.step() != null).map(Outcome::step).toList(),
                        outcomes.stream().filter(outcome -> outcome.left() != null).map(Outcome::left).toList()));
    }

    private record Outcome(RecordedDecision step, Left left) {
    }

    private Mono<Outcome> redispose(RecordedDecision lying, String actor, String reason) {
        String complaintId = lying.complaintId();
        String office = lying.decision().agencyCode();
        return steps.take(complaintId, actor, reason, (chain, router) -> router.toTheProvinceHoldingTheAffair(chain)
                        .orElseThrow(() -> problem(HttpStatus.CONFLICT, "Complaint " + complaintId + " no longer lies with "
                                + office + ".")))
                .map(step -> new Outcome(step, null))
                .onErrorResume(ErrorResponseException.class, refused -> Mono.just(new Outcome(null,
                        new Left(complaintId, office, refused.getBody().getDetail()))));
    }
}
