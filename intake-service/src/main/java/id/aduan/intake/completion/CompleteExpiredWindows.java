package id.aduan.intake.completion;

import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.ReporterWindowExpired;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.ComplaintLifecycleConflict;
import id.aduan.intake.complaint.CompleteAutomatically;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Completes a complaint whose reporter window expired; the other clock events on aduan.sla are not
 * intake's concern. An expiry the complaint has moved past (the reporter answered meanwhile) is
 * logged and skipped rather than dead-lettered.
 */
@Component
public class CompleteExpiredWindows {

    private static final Logger log = LoggerFactory.getLogger(CompleteExpiredWindows.class);

    private final Commands commands;

    CompleteExpiredWindows(Commands commands) {
        this.commands = commands;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ReporterWindowExpired expired)) {
            return Mono.empty();
        }
        return commands.send(new CompleteAutomatically(expired.complaintId(), expired.clockId(), expired.expiredAt()))
                .onErrorResume(ComplaintLifecycleConflict.class, conflict -> {
                    log.info("Reporter window expiry {} not applied: {}", envelope.id(), conflict.getMessage());
                    return Mono.empty();
                })
                .then();
    }
}
