package id.aduan.sla.alert;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.QuestionExpired;
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
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * Finds running clocks whose warning or breach is due and publishes each once (docs/sla.md,
 * "Exactly once"). It reads the {@code deadlines} entries, one per alert a running clock still owes
 * (so what it scans stays as small as what is still ahead, docs/sla.md "Hot path"): it claims a due
 * one with an atomic findOneAndUpdate that sets a lease and a token, reads the clock, publishes and
 * waits for the broker's acknowledgement, marks the clock and deletes the entry. A claim whose lease
 * ran out (its sweeper died before deleting it) is taken again and published again with the same
 * event id, which consumers skip. Any number of sweepers may run over the same collections.
 * Not ShedLock around the whole sweep: a lease per alert lets every instance sweep at once, and a
 * sweeper stuck on an unreachable broker delays only the alert it holds, not every one due.
 */
public final class DeadlineSweep {

    /** What may be due on a running clock; the names are the prefixes of its fields in the clock document. */
    enum Alert {
        WARNING(ClockStore.WARNING),
        BREACH(ClockStore.BREACH);

        private final String name;
        private final String firedAt;

        Alert(String name) {
            this.name = name;
            this.firedAt = name + "FiredAt";
        }

        static Alert named(String name) {
            return name.equals(WARNING.name) ? WARNING : BREACH;
        }
    }

    private final MongoCollection<Document> clocks;
    private final MongoCollection<Document> deadlines;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration lease;
    private final Duration timeout;

    public DeadlineSweep(MongoDatabase database, EventPublisher publisher, Clock clock, Duration lease) {
        this.clocks = database.getCollection(ClockStore.CLOCKS);
        this.deadlines = database.getCollection(ClockStore.DEADLINES);
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
        this.timeout = lease.dividedBy(2);
    }

    /** Publishes every warning and breach due now; returns how many it published. */
    public int sweep() {
        Instant now = clock.instant();
        int published = 0;
        for (Document claimed = claim(now); claimed != null; claimed = claim(now)) {
            Alert alert = Alert.named(claimed.getString("alert"));
            Bson held = Filters.eq("leaseToken", claimed.getString("leaseToken"));
            Document stored = Mono.from(clocks.find(Filters.eq("_id", claimed.getString("clockId"))).first()).block(timeout);
            Instant owedAt = stored == null ? null : owedAt(alert, stored, now);
            if (owedAt != null && owedAt.isAfter(now)) {
                // The clock moved its deadline since the entry was read: left for later, at the clock's time.
                Mono.from(deadlines.updateOne(held, Updates.combine(Updates.set("at", Date.from(owedAt)),
                        Updates.unset("leaseUntil"), Updates.unset("leaseToken")))).block(timeout);
                continue;
            }
            if (owedAt != null) {
                publish(alert, ClockStore.clockOf(stored));
                Mono.from(clocks.updateOne(Filters.eq("_id", stored.getString("_id")), Updates.set(alert.firedAt, Date.from(now))))
                        .block(timeout);
                published++;
            }
            // Only the holder of this very lease deletes it; one that lost its lease leaves it to the new holder.
            Mono.from(deadlines.deleteOne(held)).block(timeout);
        }
        return published;
    }

    /** Takes one due entry that nobody holds a live lease on; null when there is none. */
    Document claim(Instant now) {
        Date at = Date.from(now);
        return Mono.from(deadlines.findOneAndUpdate(
                        Filters.and(Filters.lte("at", at), Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", at))),
                        Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))),
                                Updates.set("leaseToken", UUID.randomUUID().toString())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .block(timeout);
    }

    /**
     * When the clock owes this alert; null when it no longer does: RUNNING only (a PAUSED clock is
     * never warned or breached; its due date moves on resume), not fired yet, and a warning only
     * while the clock can still be met. An entry for an alert no longer owed is deleted without publishing.
     */
    private static Instant owedAt(Alert alert, Document stored, Instant now) {
        if (!"RUNNING".equals(stored.getString("state")) || stored.get(alert.firedAt) != null) {
            return null;
        }
        Instant dueAt = stored.getDate("dueAt").toInstant();
        Date warnAt = stored.getDate("warnAt");
        if (alert == Alert.BREACH) {
            return dueAt;
        }
        return warnAt != null && dueAt.isAfter(now) ? warnAt.toInstant() : null;
    }

    private void publish(Alert alert, SlaClock running) {
        AduanEvent event = switch (alert) {
            case WARNING -> new SlaClockWarning(running.complaintId(), running.id(), running.kind(), running.agencyCode(),
                    running.dueAt(), running.warnAt());
            // The reporter's clocks do not breach anyone's deadline: their end has a consequence instead.
            case BREACH -> switch (running.kind()) {
                case REPORTER_WINDOW -> new ReporterWindowExpired(running.complaintId(), running.id(), running.dueAt());
                case REPORTER_QUESTION -> new QuestionExpired(running.complaintId(), running.id(), running.startedAt(),
                        running.dueAt());
                default -> new SlaClockBreached(running.complaintId(), running.id(), running.kind(), running.agencyCode(),
                        running.dueAt());
            };
        };
        publisher.publish(EventIds.derived(running.id(), alert.name().toLowerCase()), event).block(timeout);
    }
}
