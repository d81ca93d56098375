package id.aduan.routing.history;

import static id.aduan.platform.web.ProblemResponses.problem;

import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** How a complaint was routed so far, step by step, for coordinators, the Ombudsman and the agencies it reached. */
@RestController
class RoutingHistoryEndpoint {

    /** @param decisions the chain, oldest first: each step with its rule, actor, reason and hop */
    record RoutingHistory(String complaintId, List<RecordedDecision> decisions) {
    }

    private final DecisionLog log;

    RoutingHistoryEndpoint(DecisionLog log) {
        this.log = log;
    }

    /** An agency admin sees the chain only of a complaint that is or was with its agency. */
    @Operation(summary = "Read a complaint's routing chain")
    @GetMapping("/api/v1/complaints/{id}/routing")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<RoutingHistory> routing(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        return log.chainOf(id).collectList().map(chain -> {
            if (chain.isEmpty()) {
                throw problem(HttpStatus.NOT_FOUND, "No routing decision for complaint " + id + ".");
            }
            boolean mayRead = actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN)
                    || chain.stream().anyMatch(step -> actor.actsFor(step.decision().agencyCode()));
            if (!mayRead) {
                throw problem(HttpStatus.FORBIDDEN, "Complaint " + id + " was never routed to your agency.");
            }
            return new RoutingHistory(id, chain);
        });
    }
}
