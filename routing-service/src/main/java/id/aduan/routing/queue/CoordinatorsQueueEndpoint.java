package id.aduan.routing.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.platform.web.NumberedPage;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.history.RecordedDecision;
import id.aduan.routing.queue.ClockAlerts.ClockAlert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * step that put it there and why, and the warnings and breaches of its clocks still running (docs/routing.md).
 * Coordinators work it (disposition); the Ombudsman watches it.
 */
@RestController
class CoordinatorsQueueEndpoint {

    /** One page of the queue, in the shape of every list (docs/api.md). */
    record QueuePage(int page, int size, long total, List<QueuedComplaint> items) implements NumberedPage<QueuedComplaint> {

        /** {@code items} under the name it had before every list took one shape (docs/api.md); goes in v2. */
        @JsonProperty
        @Schema(deprecated = true, description = "The same as items; goes in v2.")
        public List<QueuedComplaint> complaints() {
            return items;
        }
    }

    /**
     * @param step how it got here: ROUTED (no rule matched on submission), FORWARDED (declined, and no
     *     other agency competent), ESCALATED (forwarded past the hop limit) or DISPOSED
     * @param why the explanation of that step
     * @param previousAgencyCode the agency that declined it, if one did
     * @param overdue a clock of it is breached and still running
     * @param warned a clock of it has one working day left, or less
     * @param clockAlerts its clocks that were warned or breached and have not stopped
     */
    record QueuedComplaint(String complaintId, Instant waitingSince, Step step, String rule, String why, String actor,
            String reason, String previousAgencyCode, int hop, Inputs inputs, String ruleSetVersion, boolean overdue,
            boolean warned, List<ClockAlert> clockAlerts) {

        static QueuedComplaint of(RecordedDecision recorded, List<ClockAlert> alerts) {
            RoutingDecision decision = recorded.decision();
            return new QueuedComplaint(recorded.complaintId(), recorded.routedAt(), decision.step(), decision.rule(),
                    decision.explanation(), recorded.actor(), recorded.reason(), decision.previousAgencyCode(), decision.hop(),
                    decision.inputs(), decision.ruleSetVersion(), alerts.stream().anyMatch(ClockAlert::overdue),
                    alerts.stream().anyMatch(alert -> alert.warnedAt() != null || alert.breachedAt() != null), alerts);
        }
    }

    private final DecisionLog decisions;
    private final ClockAlerts clockAlerts;

    CoordinatorsQueueEndpoint(DecisionLog decisions, ClockAlerts clockAlerts) {
        this.decisions = decisions;
        this.clockAlerts = clockAlerts;
    }

    @Operation(summary = "List the coordinators' queue of complaints no agency holds")
    @GetMapping("/api/v1/routing/queue")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<QueuePage> queue(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Mono.zip(decisions.queueSize(), decisions.queue(page, size).collectList())
                .flatMap(found -> clockAlerts.of(found.getT2().stream().map(RecordedDecision::complaintId).toList())
                        .map(alerts -> new QueuePage(page, size, found.getT1(), found.getT2().stream()
                                .map(recorded -> QueuedComplaint.of(recorded, alerts.getOrDefault(recorded.complaintId(), List.of())))
                                .toList())));
    }
}
