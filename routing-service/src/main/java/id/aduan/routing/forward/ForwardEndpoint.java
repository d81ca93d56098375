package id.aduan.routing.forward;

import static id.aduan.platform.web.ProblemResponses.problem;

import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import id.aduan.routing.RoutingSettings;
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
 * "Not our authority": only the agency holding the complaint may forward it, and it must say why.
 * Routing re-routes it ({@code Router.forward}); past the hop limit it goes to the national coordinators.
 */
@RestController
class ForwardEndpoint {

    private final RoutingSteps steps;
    private final ReferenceData data;
    private final RoutingSettings settings;

    ForwardEndpoint(RoutingSteps steps, ReferenceData data, RoutingSettings settings) {
        this.steps = steps;
        this.data = data;
        this.settings = settings;
    }

    @Operation(summary = "Forward a complaint that is not the agency's to handle")
    @Problems(ProblemType.CONFLICT)
    @PostMapping("/api/v1/complaints/{id}/forwarding")
    @PreAuthorize("hasRole('AGENCY')")
    Mono<RecordedDecision> forward(@PathVariable String id, @Valid @RequestBody ForwardRequest request,
            @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        String suggested = request.suggestedAgencyCode();
        if (suggested != null && data.agencies().find(suggested).isEmpty()) {
            return Mono.error(ProblemResponses.invalidField("suggestedAgencyCode", "is not an agency in the catalogue"));
        }
        if (suggested != null && suggested.equals(actor.agencyCode())) {
            return Mono.error(ProblemResponses.invalidField("suggestedAgencyCode", "is the agency forwarding it"));
        }
        return steps.take(id, actor.subject(), request.reason(), (chain, router) -> {
            if (chain.latest().inCoordinatorsQueue()) {
                throw problem(HttpStatus.CONFLICT, "Complaint " + id
                        + " lies in the national coordinators' queue; only a coordinator can dispose it.");
            }
            if (!actor.actsFor(chain.holder())) {
                throw problem(HttpStatus.FORBIDDEN, "Complaint " + id + " does not lie with your agency; only "
                        + chain.holder() + " may forward it.");
            }
            return router.forward(chain, suggested, settings.hopLimit());
        });
    }
}
