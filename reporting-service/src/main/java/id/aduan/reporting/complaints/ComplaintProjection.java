package id.aduan.reporting.complaints;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.platform.events.EventHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Adds each event about a complaint to its document in the read model, whatever topic it comes
 * from and in whatever order the topics deliver, and counts the events consumed by type and by the
 * complaint's channel ({@code aduan_reporting_events_total}; {@code UNKNOWN} until the submission
 * arrived, {@code NONE} for events about reference data, which the reports ignore), and the
 * warnings and breaches of the clocks someone must act on by who must act
 * ({@code aduan_sla_alerts_total}, docs/metrics.md): the inbox skips a repeated event id, so each counts once.
 */
public class ComplaintProjection implements EventHandler {

    /** The {@code agency} label of the national coordinators' clocks. */
    static final String COORDINATORS = "coordinators";

    private final ComplaintReadModel readModel;
    private final MeterRegistry meters;

    public ComplaintProjection(ComplaintReadModel readModel, MeterRegistry meters) {
        this.readModel = readModel;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintEvent event)) {
            return Mono.fromRunnable(() -> count(envelope.type(), "NONE"));
        }
        return readModel.apply(event.complaintId(), List.of(event))
                .doOnNext(applied -> {
                    count(envelope.type(), applied.summary().channel() == null ? "UNKNOWN" : applied.summary().channel().name());
                    if (event instanceof SlaClockWarning warning) {
                        countAlert("warning", warning.kind(), warning.agencyCode(), applied.summary().agency());
                    } else if (event instanceof SlaClockBreached breach) {
                        countAlert("breach", breach.kind(), breach.agencyCode(), applied.summary().agency());
                    }
                })
                .then();
    }

    /**
     * Only the clocks of those who must act: the reporter's clocks end in an expiry, not a late agency.
     * The citizen's END_TO_END term names no agency: it is the agency holding the complaint's, or the
     * coordinators' while none does.
     */
    private void countAlert(String alert, ClockKind kind, String clockAgency, String holder) {
        if (kind == ClockKind.REPORTER_WINDOW || kind == ClockKind.REPORTER_QUESTION) {
            return;
        }
        String agency = clockAgency != null ? clockAgency : kind == ClockKind.END_TO_END && holder != null ? holder : COORDINATORS;
        Counter.builder("aduan.sla.alerts")
                .description("Working-day clocks warned (one working day left) or breached, by who must act and clock kind")
                .tag("alert", alert)
                .tag("agency", agency)
                .tag("kind", kind.name())
                .register(meters)
                .increment();
    }

    private void count(String type, String channel) {
        Counter.builder("aduan.reporting.events")
                .description("Events the reporting service consumed, by CloudEvents type and the complaint's channel")
                .tag("type", type)
                .tag("channel", channel)
                .register(meters)
                .increment();
    }
}
