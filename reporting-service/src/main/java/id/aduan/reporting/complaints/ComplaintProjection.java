package id.aduan.reporting.complaints;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Adds each event about a complaint to its document in the read model, whatever topic it comes
 * from and in whatever order the topics deliver, and counts the events consumed by type and by the
 * complaint's channel ({@code aduan_reporting_events_total}; {@code UNKNOWN} until the submission
 * arrived, {@code NONE} for events about reference data, which the reports ignore).
 */
public class ComplaintProjection implements EventHandler {

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
                .doOnNext(applied -> count(envelope.type(),
                        applied.summary().channel() == null ? "UNKNOWN" : applied.summary().channel().name()))
                .then();
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
