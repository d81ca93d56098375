package id.aduan.sla.alert;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ReporterWindowExpired;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.clock.ClockStore;
import id.aduan.sla.clock.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * Finds running clocks whose warning or breach is due and publishes each once (docs/sla.md,
 * "Exactly once"): it claims one with an atomic findOneAndUpdate that sets a lease, publishes and
 * waits for the broker's acknowledgement, then marks it fired. A claim whose lease ran out (its
 * sweeper died before marking) is taken again and published again with the same event id, which
 * consumers skip. Any number of sweepers may run over the same collection.
 */
public final class DeadlineSweep {

    /** What may be due on a running clock; the names are the prefixes of its fields in the clock document. */
    enum Alert {
        WARNING("warning"),
        BREACH("breach");

        private final String firedAt;
        private final String leaseUntil;

        Alert(String prefix) {
            this.firedAt = prefix + "FiredAt";
            this.leaseUntil = prefix + "LeaseUntil";
        }
    }

    private final MongoCollection<Document> clocks;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration lease;
    private final Duration timeout;

    public DeadlineSweep(MongoDatabase database, EventPublisher publisher, Clock clock, Duration lease) {
        this.clocks = database.getCollection(ClockStore.CLOCKS);
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
        this.timeout = lease.dividedBy(2);
    }

    /** Publishes every warning and breach due now; returns how many it published. */
    public int sweep() {
        Instant now = clock.instant();
        int published = 0;
        for (Alert alert : Alert.values()) {
            for (Document claimed = claim(alert, now); claimed != null; claimed = claim(alert, now)) {
                publish(alert, ClockStore.clockOf(claimed));
                markFired(alert, claimed, now);
                published++;
            }
        }
        return published;
    }

    /** Takes one due, unfired alert that nobody holds a live lease on; null when there is none. */
    Document claim(Alert alert, Instant now) {
        Date at = Date.from(now);
        Bson due = alert == Alert.WARNING
                // A warning is only worth sending while the clock can still be met.
                ? Filters.and(Filters.ne("warnAt", null), Filters.lte("warnAt", at), Filters.gt("dueAt", at))
                : Filters.lte("dueAt", at);
        Bson free = Filters.or(Filters.eq(alert.leaseUntil, null), Filters.lt(alert.leaseUntil, at));
        return Mono.from(clocks.findOneAndUpdate(
                        // RUNNING only: a PAUSED clock is never warned or breached; its due date moves on resume.
                        Filters.and(Filters.eq("state", "RUNNING"), Filters.eq(alert.firedAt, null), due, free),
                        Updates.set(alert.leaseUntil, Date.from(now.plus(lease))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .block(timeout);
    }

    private void publish(Alert alert, SlaClock running) {
        AduanEvent event = switch (alert) {
            case WARNING -> new SlaClockWarning(running.complaintId(), running.id(), running.kind(), running.agencyCode(),
                    running.dueAt(), running.warnAt());
            case BREACH -> running.kind() == ClockKind.REPORTER_WINDOW
                    ? new ReporterWindowExpired(running.complaintId(), running.id(), running.dueAt())
                    : new SlaClockBreached(running.complaintId(), running.id(), running.kind(), running.agencyCode(),
                            running.dueAt());
        };
        publisher.publish(EventIds.derived(running.id(), alert.name().toLowerCase()), event).block(timeout);
    }

    /** Only the holder of this very lease marks it; one that lost its lease leaves it to the new holder. */
    private void markFired(Alert alert, Document claimed, Instant now) {
        Mono.from(clocks.updateOne(
                Filters.and(Filters.eq("_id", claimed.getString("_id")), Filters.eq(alert.leaseUntil, claimed.getDate(alert.leaseUntil))),
                Updates.set(alert.firedAt, Date.from(now)))).block(timeout);
    }
}
