package id.aduan.routing.queue;

import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.history.RecordedDecision;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The national coordinators' queue: complaints no agency holds, longest waiting first, each with the
 * step that put it there and why. Coordinators work it (disposition); the Ombudsman watches it.
 */
@RestController
class CoordinatorsQueueEndpoint {

    record QueuePage(int page, int size, long total, List<QueuedComplaint> complaints) {
    }

    /**
     * @param step how it got here: ROUTED (no rule matched on submission), FORWARDED (declined, and no
     *     other agency competent), ESCALATED (forwarded past the hop limit) or DISPOSED
     * @param why the explanation of that step
     * @param previousAgencyCode the agency that declined it, if one did
     */
    record QueuedComplaint(String complaintId, Instant waitingSince, Step step, String rule, String why, String actor,
            String reason, String previousAgencyCode, int hop, Inputs inputs, String ruleSetVersion) {

        static QueuedComplaint of(RecordedDecision recorded) {
            RoutingDecision decision = recorded.decision();
            return new QueuedComplaint(recorded.complaintId(), recorded.routedAt(), decision.step(), decision.rule(),
                    decision.explanation(), recorded.actor(), recorded.reason(), decision.previousAgencyCode(), decision.hop(),
                    decision.inputs(), decision.ruleSetVersion());
        }
    }

    private final DecisionLog decisions;

    CoordinatorsQueueEndpoint(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/routing/queue")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<QueuePage> queue(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Mono.zip(decisions.queueSize(), decisions.queue(page, size).map(QueuedComplaint::of).collectList(),
                (total, complaints) -> new QueuePage(page, size, total, complaints));
    }
}
