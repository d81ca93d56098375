package id.aduan.routing.disposition;

import static id.aduan.platform.web.ProblemResponses.problem;

import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import id.aduan.routing.history.RecordedDecision;
import id.aduan.routing.history.RoutingSteps;
import id.aduan.routing.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Disposition (disposisi) by hand: a national coordinator sends a complaint to an agency, from
 * their queue or in place of wherever it lies now. The Ombudsman reads the chain but never acts.
 */
@RestController
class DispositionEndpoint {

    private final RoutingSteps steps;
    private final ReferenceData data;

    DispositionEndpoint(RoutingSteps steps, ReferenceData data) {
        this.steps = steps;
        this.data = data;
    }

    @Operation(summary = "Dispose a complaint to an agency")
    @Problems(ProblemType.CONFLICT)
    @PostMapping("/api/v1/complaints/{id}/disposition")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<RecordedDecision> dispose(@PathVariable String id, @Valid @RequestBody DispositionRequest request,
            @AuthenticationPrincipal Jwt token) {
        if (data.agencies().find(request.agencyCode()).isEmpty()) {
            return Mono.error(ProblemResponses.invalidField("agencyCode", "is not an agency in the catalogue"));
        }
        return steps.take(id, Actor.of(token).subject(), request.reason(), (chain, router) -> {
            if (request.agencyCode().equals(chain.holder())) {
                throw problem(HttpStatus.CONFLICT, "Complaint " + id + " already lies with " + request.agencyCode() + ".");
            }
            return router.dispose(chain, request.agencyCode());
        });
    }
}
