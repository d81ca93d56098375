package id.aduan.sla.clock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.platform.MongoErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SLA state in sla's own database: per complaint, the facts its clocks depend on and the ids of
 * its clocks ({@code complaints}); per clock, one document keyed by the clock id ({@code clocks}),
 * which the sweep also marks when it warned or reported a breach; per warning or breach still to
 * come, an entry in {@code deadlines}, deleted once it fired or can no longer fire, so the sweep reads
 * only what is still ahead. Loading and saving a complaint's clocks are point operations on
 * {@code _id} (docs/sla.md, "Hot path").
 */
@Component
public class ClockStore {

    static final String COMPLAINTS = "complaints";
    public static final String CLOCKS = "clocks";
    public static final String DEADLINES = "deadlines";
    /** The alerts a running clock may still owe, as named in {@code deadlines} and in the prefixes of the sweep's fields. */
    public static final String WARNING = "warning";
    public static final String BREACH = "breach";

    /** The sweep's own fields on a clock document, absent from the rules' view of the clock. */
    public static final List<String> SWEEP_FIELDS = List.of(WARNING + "FiredAt", BREACH + "FiredAt");

    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(5);

    private final MongoCollection<Facts> complaints;
    private final MongoCollection<Document> clocks;
    private final MongoCollection<Document> deadlines;
    private final MongoCollection<Document> migrations;

    private final Clock clock;
    private final Duration settle;

    @Autowired
    public ClockStore(MongoDatabase database, Clock clock, SlaSettings settings) {
        this(database, clock, settings.sweep().settle());
    }

    public ClockStore(MongoDatabase database, Clock clock, Duration settle) {
        this.clock = clock;
        this.settle = settle;
        this.complaints = database.getCollection(COMPLAINTS, Facts.class);
        this.clocks = database.getCollection(CLOCKS);
        this.deadlines = database.getCollection(DEADLINES);
        this.migrations = database.getCollection("migrations");
        // Real MongoDB uses them; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(clocks.createIndex(Indexes.ascending("complaintId"))).subscribe();
        Mono.from(deadlines.createIndex(Indexes.ascending("at"))).subscribe();
        // Sparse: only a claimed entry has a token; unique, so the claimer's writes are point writes on it.
        Mono.from(deadlines.createIndex(Indexes.ascending("leaseToken"), new IndexOptions().unique(true).sparse(true)))
                .block(MIGRATION_TIMEOUT);
        listDeadlinesOfEarlierVersions().block(MIGRATION_TIMEOUT);
    }

    public Mono<ComplaintClocks> load(String complaintId) {
        return Mono.from(complaints.find(Filters.eq("_id", complaintId)).first())
                .flatMap(facts -> clocksOf(facts).collectList().map(clockList -> new ComplaintClocks(complaintId,
                        facts.classification(), facts.verifiedAt(), facts.agencyCode(), facts.assignedAt(), clockList)))
                // Clocks are saved before the facts that list them: without facts, the complaint has none yet.
                .defaultIfEmpty(ComplaintClocks.none(complaintId));
    }

    /** Every write is an upsert of the whole result, so saving the same change again changes nothing. */
    public Mono<Void> save(ClockRules.Change change) {
        ComplaintClocks next = change.next();
        Facts facts = new Facts(next.complaintId(), next.classification(), next.verifiedAt(), next.agencyCode(),
                next.assignedAt(), next.clocks().stream().map(SlaClock::id).toList());
        List<SlaClock> changed = Stream.of(change.stopped(), change.started(), change.paused(), change.resumed())
                .flatMap(List::stream).toList();
        return Flux.concat(Flux.fromIterable(change.stopped()), Flux.fromIterable(change.started()),
                        Flux.fromIterable(change.paused()), Flux.fromIterable(change.resumed()))
                .concatMap(clock -> Mono.from(clocks.updateOne(Filters.eq("_id", clock.id()),
                        Updates.combine(Updates.combine(document(clock).entrySet().stream()
                                        .map(field -> Updates.set(field.getKey(), field.getValue())).toList()),
                                Updates.combine(SWEEP_FIELDS.stream().map(field -> Updates.setOnInsert(field, null)).toList())),
                        new UpdateOptions().upsert(true))))
                .thenMany(Flux.fromIterable(changed).concatMap(this::keepDeadlines))
                // Last: the facts listing the clocks are what load reads, so a crash before them repeats the event in full.
                .then(Mono.from(complaints.replaceOne(Filters.eq("_id", next.complaintId()), facts,
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    /** The complaint's clocks, oldest first. */
    public Flux<SlaClock> clocksOf(String complaintId) {
        return Mono.from(complaints.find(Filters.eq("_id", complaintId)).first()).flatMapMany(this::clocksOf);
    }

    /** By their ids, listed with the complaint's facts; facts stored before the ids were have them looked up once. */
    private Flux<SlaClock> clocksOf(Facts facts) {
        List<String> ids = facts.clockIds();
        Bson filter = ids == null ? Filters.eq("complaintId", facts.complaintId()) : Filters.in("_id", ids);
        if (ids != null && ids.isEmpty()) {
            return Flux.empty();
        }
        return Flux.from(clocks.find(filter)).map(ClockStore::clockOf)
                .sort(Comparator.comparing(SlaClock::startedAt).thenComparing(SlaClock::id));
    }

    /** The warning and breach a running clock still owes are in {@code deadlines}; a paused or stopped one owes none. */
    private Mono<Void> keepDeadlines(SlaClock clock) {
        boolean counting = clock.running() && !clock.paused();
        return Flux.concat(
                        deadline(clock, WARNING, counting ? clock.warnAt() : null),
                        deadline(clock, BREACH, counting ? clock.dueAt() : null))
                .then();
    }

    /**
     * Lists an alert the sweep owes at {@code at}, or no sooner than {@link #settle} from now if that has passed
     * (docs/sla.md, "Late events"); the alert itself still names the clock's own due time.
     */
    private Mono<Void> deadline(SlaClock slaClock, String alert, Instant at) {
        Bson entry = Filters.eq("_id", deadlineId(slaClock.id(), alert));
        if (at == null) {
            return Mono.from(deadlines.deleteOne(entry)).then();
        }
        Instant now = clock.instant();
        Instant fires = at.isBefore(now) ? now.plus(settle) : at;
        return Mono.from(deadlines.updateOne(entry, Updates.combine(Updates.set("clockId", slaClock.id()), Updates.set("alert", alert),
                Updates.set("at", Date.from(fires))), new UpdateOptions().upsert(true))).then();
    }

    public static String deadlineId(String clockId, String alert) {
        return clockId + "/" + alert;
    }

    /**
     * Lists the alerts owed by running clocks stored before {@code deadlines} existed: one pass over
     * the clocks, once per database (remembered in {@code migrations}), never per event.
     */
    private Mono<Void> listDeadlinesOfEarlierVersions() {
        Document done = new Document("_id", "sla-deadlines-listed");
        return Mono.from(migrations.find(done).first())
                .switchIfEmpty(Flux.from(clocks.find(Filters.eq("state", "RUNNING")))
                        .concatMap(stored -> {
                            SlaClock running = clockOf(stored);
                            return deadline(running, WARNING, stored.get(WARNING + "FiredAt") == null ? running.warnAt() : null)
                                    .then(deadline(running, BREACH, stored.get(BREACH + "FiredAt") == null ? running.dueAt() : null));
                        })
                        .then(Mono.from(migrations.insertOne(done.append("at", new Date()))))
                        .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                        .then(Mono.empty()))
                .then();
    }

    public static SlaClock clockOf(Document doc) {
        return new SlaClock(doc.getString("_id"), doc.getString("complaintId"), ClockKind.valueOf(doc.getString("kind")),
                doc.getString("agencyCode"), ZoneId.of(doc.getString("zone")), instant(doc, "startedAt"),
                doc.getInteger("workingDays"), LocalDate.parse(doc.getString("dueDate")), instant(doc, "dueAt"),
                instant(doc, "warnAt"), instant(doc, "pausedAt"), doc.getInteger("pausedWorkingDays", 0),
                instant(doc, "stoppedAt") == null ? null : Outcome.valueOf(doc.getString("state")),
                instant(doc, "stoppedAt"), doc.getInteger("workingDaysUsed"));
    }

    /** The clock's fields as stored; {@code state} is RUNNING, PAUSED, MET or BREACHED. */
    private static Document document(SlaClock clock) {
        return new Document("complaintId", clock.complaintId())
                .append("kind", clock.kind().name())
                .append("agencyCode", clock.agencyCode())
                .append("zone", clock.zone().getId())
                .append("startedAt", date(clock.startedAt()))
                .append("workingDays", clock.workingDays())
                .append("dueDate", clock.dueDate().toString())
                .append("dueAt", date(clock.dueAt()))
                .append("warnAt", date(clock.warnAt()))
                .append("pausedAt", date(clock.pausedAt()))
                .append("pausedWorkingDays", clock.pausedWorkingDays())
                .append("state", clock.state())
                .append("stoppedAt", date(clock.stoppedAt()))
                .append("workingDaysUsed", clock.workingDaysUsed());
    }

    /**
     * A complaint's facts as stored in {@value #COMPLAINTS}, replaced whole on every save: the classification
     * by name and the instants as BSON dates, as before; a null field is absent (it was an explicit null),
     * and facts stored before the clock ids were kept have none. Public, as the driver's record codec requires.
     */
    public record Facts(@BsonId String complaintId, Classification classification, Instant verifiedAt, String agencyCode,
            Instant assignedAt, List<String> clockIds) {
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
