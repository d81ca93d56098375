package id.aduan.reporting.complaints;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.platform.events.EventHandler;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps each complaint's document in the read model up to date with every event about it, whatever
 * topic it comes from and in whatever order the topics deliver.
 */
@Component
public class ComplaintProjection implements EventHandler {

    private final ComplaintReadModel readModel;

    ComplaintProjection(ComplaintReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<?> envelope) {
        ComplaintChange change = changeFor(envelope.data());
        return change == null ? Mono.empty() : readModel.apply(change);
    }

    /** The change an event makes, or null for the lifecycle events the read model does not use yet. */
    static ComplaintChange changeFor(AduanEvent event) {
        if (event instanceof ComplaintSubmitted submitted) {
            return submission(submitted);
        }
        if (event instanceof ComplaintRouted routed) {
            return routing(routed);
        }
        if (event instanceof SlaClockStarted clock) {
            return clock(clock);
        }
        // Acknowledged without a change rather than dead-lettered: the reports do not use them yet.
        return null;
    }

    private static ComplaintChange submission(ComplaintSubmitted event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("channel", event.channel().name());
        fields.put("categoryCode", event.categoryCode());
        fields.put("regionCode", event.location().regionCode());
        fields.put("submittedAt", Date.from(event.submittedAt()));
        return new ComplaintChange(event.complaintId(), "submittedAt", fields);
    }

    /** A complaint may be routed again (from the coordinators' queue to an agency): the latest decision counts. */
    private static ComplaintChange routing(ComplaintRouted event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("destination", event.destination().name());
        fields.put("agencyCode", event.agencyCode());
        fields.put("routedAt", Date.from(event.routedAt()));
        return new ComplaintChange(event.complaintId(), "routedAt", fields);
    }

    /** One clock of each kind per complaint, the latest started; its due date stays a plain ISO date. */
    private static ComplaintChange clock(SlaClockStarted event) {
        String clock = "clocks." + event.kind().name() + ".";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(clock + "clockId", event.clockId());
        fields.put(clock + "agencyCode", event.agencyCode());
        fields.put(clock + "zone", event.zone());
        fields.put(clock + "startedAt", Date.from(event.startedAt()));
        fields.put(clock + "workingDays", event.workingDays());
        fields.put(clock + "dueDate", event.dueDate().toString());
        fields.put(clock + "dueAt", Date.from(event.dueAt()));
        return new ComplaintChange(event.complaintId(), clock + "startedAt", fields);
    }
}
