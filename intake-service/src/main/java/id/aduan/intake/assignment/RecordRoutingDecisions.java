package id.aduan.intake.assignment;

import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.ComplaintLifecycleConflict;
import id.aduan.intake.complaint.RecordAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records each routing decision on its complaint. A decision about a complaint already archived or
 * completed is stale, not a failure: it is logged and skipped rather than dead-lettered.
 */
@Component
class RecordRoutingDecisions {

    private static final Logger log = LoggerFactory.getLogger(RecordRoutingDecisions.class);

    private final Commands commands;

    RecordRoutingDecisions(Commands commands) {
        this.commands = commands;
    }

    Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintRouted routed)) {
            return Mono.empty();
        }
        return commands.send(new RecordAssignment(routed.complaintId(), routed.destination(), routed.agencyCode(),
                        routed.routedAt(), routed.explanation(), routed.actor(), routed.reason(),
                        routed.unitCode()))
                .onErrorResume(ComplaintLifecycleConflict.class, conflict -> {
                    log.info("Routing decision {} not recorded: {}", envelope.id(), conflict.getMessage());
                    return Mono.empty();
                })
                .then();
    }
}
