package id.aduan.intake.notification;

import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * sla-service warns before the reporter window closes (2 working days ahead: docs/sla.md); that warning,
 * from aduan.sla, is the reporter's reminder. Logged under the warning's event id, so a redelivery of it
 * reminds no one twice.
 */
@Component
public class ReporterWindowReminders {

    /** The day the window closes: it is due at the end of that day (hence a second before), said in western Indonesia time. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Jakarta"));

    private final Notifications notifications;

    ReporterWindowReminders(Notifications notifications) {
        this.notifications = notifications;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof SlaClockWarning warning) || warning.kind() != ClockKind.REPORTER_WINDOW) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> notifications.record(envelope.id(), warning.complaintId(), Step.REPORTER_WINDOW_REMINDER,
                        Map.of("dueAt", DAY.format(warning.dueAt().minusSeconds(1)))))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }
}
