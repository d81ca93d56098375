package id.aduan.routing.queue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockWarning;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The warnings and breaches sla announced for a complaint's clocks, kept so that the coordinators'
 * queue shows which of its complaints are about to be late or late already. One document per
 * complaint that ever had one, {@code _id} its id, in routing's {@code clock-alerts} collection; each
 * clock under {@code clocks.<clockId>} (clock ids are UUIDs: no dots). Every write sets fields by
 * clock id on {@code _id}, so a repeated event changes nothing; a stop, pause or resumption only
 * touches a complaint that had an alert (no upsert), so complaints that never warned leave no trace.
 * Read only per page of the queue, by {@code _id}.
 */
@Component
public class ClockAlerts {

    static final String COLLECTION = "clock-alerts";
    /** The clocks someone must act on; the reporter's own clocks end in an expiry instead. */
    private static final Set<ClockKind> ACTING = Set.of(ClockKind.VERIFICATION, ClockKind.FOLLOW_UP, ClockKind.END_TO_END);

    /**
     * A clock of a queued complaint that was warned or breached and has not stopped.
     *
     * @param agencyCode who must act; null for the national coordinators (VERIFICATION) and for the citizen's END_TO_END term
     * @param dueAt its due instant, moved by any resumption since
     * @param warnedAt when its warning became due (one working day left), if warned
     * @param breachedAt its due instant, once sla announced it passed
     * @param paused waiting for the reporter: it neither counts nor breaches meanwhile
     */
    public record ClockAlert(String clockId, ClockKind kind, String agencyCode, Instant dueAt, Instant warnedAt,
            Instant breachedAt, boolean paused) {

        /** Late now: breached and not waiting for the reporter. */
        public boolean overdue() {
            return breachedAt != null && !paused;
        }
    }

    private final MongoCollection<Document> alerts;

    ClockAlerts(MongoDatabase database) {
        this.alerts = database.getCollection(COLLECTION);
    }

    /** Keeps what a clock event says about a clock someone must act on; every other event is skipped. */
    public Mono<Void> record(AduanEvent event) {
        if (event instanceof SlaClockWarning warning && ACTING.contains(warning.kind())) {
            return alert(warning.complaintId(), warning.clockId(), warning.kind(), warning.agencyCode(), warning.dueAt(),
                    "warnedAt", warning.warnedAt());
        }
        if (event instanceof SlaClockBreached breach && ACTING.contains(breach.kind())) {
            return alert(breach.complaintId(), breach.clockId(), breach.kind(), breach.agencyCode(), breach.dueAt(),
                    "breachedAt", breach.dueAt());
        }
        if (event instanceof SlaClockStopped stopped && ACTING.contains(stopped.kind())) {
            return known(stopped.complaintId(), Updates.set(field(stopped.clockId(), "stoppedAt"), date(stopped.stoppedAt())));
        }
        if (event instanceof SlaClockPaused paused && ACTING.contains(paused.kind())) {
            return known(paused.complaintId(), Updates.set(field(paused.clockId(), "pausedAt"), date(paused.pausedAt())));
        }
        if (event instanceof SlaClockResumed resumed && ACTING.contains(resumed.kind())) {
            // The latest resumption wins: events about one clock arrive in order (one partition).
            return known(resumed.complaintId(), Updates.combine(
                    Updates.set(field(resumed.clockId(), "pausedAt"), null),
                    Updates.set(field(resumed.clockId(), "resumedAt"), date(resumed.resumedAt())),
                    Updates.set(field(resumed.clockId(), "dueAt"), date(resumed.dueAt()))));
        }
        return Mono.empty();
    }

    /** The open alerts of these complaints, by complaint id: one {@code $in} on {@code _id}. */
    public Mono<Map<String, List<ClockAlert>>> of(Collection<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.from(alerts.find(Filters.in("_id", complaintIds)))
                .collectMap(stored -> stored.getString("_id"), ClockAlerts::open);
    }

    private Mono<Void> alert(String complaintId, String clockId, ClockKind kind, String agencyCode, Instant dueAt,
            String what, Instant at) {
        // A clock's events arrive in order (one partition), redeliveries too: each alert carries its current due instant.
        return Mono.from(alerts.updateOne(Filters.eq("_id", complaintId), Updates.combine(
                        Updates.set(field(clockId, "kind"), kind.name()),
                        Updates.set(field(clockId, "agencyCode"), agencyCode),
                        Updates.set(field(clockId, "dueAt"), date(dueAt)),
                        Updates.set(field(clockId, what), date(at))),
                new UpdateOptions().upsert(true))).then();
    }

    private Mono<Void> known(String complaintId, Bson update) {
        return Mono.from(alerts.updateOne(Filters.eq("_id", complaintId), update)).then();
    }

    private static List<ClockAlert> open(Document stored) {
        Document clocks = stored.get("clocks", Document.class);
        if (clocks == null) {
            return List.of();
        }
        return clocks.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), (Document) entry.getValue()))
                // A stop or pause of a clock that never warned leaves an entry without a kind: not an alert.
                .filter(entry -> entry.getValue().get("kind") != null && entry.getValue().get("stoppedAt") == null)
                .map(entry -> {
                    Document clock = entry.getValue();
                    return new ClockAlert(entry.getKey(), ClockKind.valueOf(clock.getString("kind")), clock.getString("agencyCode"),
                            instant(clock.getDate("dueAt")), instant(clock.getDate("warnedAt")),
                            instant(clock.getDate("breachedAt")), clock.getDate("pausedAt") != null);
                })
                .sorted(Comparator.comparing(ClockAlert::kind).thenComparing(ClockAlert::clockId))
                .collect(Collectors.toList());
    }

    private static String field(String clockId, String name) {
        return "clocks." + clockId + "." + name;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
