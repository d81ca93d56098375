package id.aduan.sla.clock;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.calendar.Deadline;
import id.aduan.sla.calendar.GovernmentCalendar;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts the national coordinators' verification clock when a complaint is submitted. The clock
 * follows from the event alone (it starts at the submission time, not at handling time), so
 * handling the event again records and publishes exactly the same clock.
 */
@Component
public class StartVerificationClock {

    private final GovernmentCalendar calendar;
    private final MongoCollection<Document> clocks;
    private final EventPublisher publisher;
    private final SlaSettings settings;

    StartVerificationClock(MongoDatabase database, EventPublisher publisher, SlaSettings settings,
            GovernmentCalendar calendar) {
        this.calendar = calendar;
        this.clocks = database.getCollection("clocks");
        this.publisher = publisher;
        this.settings = settings;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintSubmitted submitted)) {
            return Mono.empty();
        }
        Deadline deadline = calendar.forCoordinators().deadline(submitted.submittedAt(), settings.verificationWorkingDays(),
                settings.coordinatorsZone());
        SlaClockStarted started = new SlaClockStarted(submitted.complaintId(),
                EventIds.derived(envelope.id(), "verification-clock"), ClockKind.VERIFICATION, null,
                settings.coordinatorsZone().getId(), submitted.submittedAt(), settings.verificationWorkingDays(),
                deadline.dueDate(), deadline.dueAt());
        Document clock = new Document("_id", started.clockId())
                .append("complaintId", started.complaintId())
                .append("kind", started.kind().name())
                .append("agencyCode", started.agencyCode())
                .append("zone", started.zone())
                .append("startedAt", Date.from(started.startedAt()))
                .append("workingDays", started.workingDays())
                .append("dueDate", started.dueDate().toString())
                .append("dueAt", Date.from(started.dueAt()))
                .append("state", "RUNNING");
        return Mono.from(clocks.replaceOne(new Document("_id", started.clockId()), clock, new ReplaceOptions().upsert(true)))
                .then(publisher.publish(EventIds.derived(envelope.id(), "verification-clock-started"), started));
    }
}
