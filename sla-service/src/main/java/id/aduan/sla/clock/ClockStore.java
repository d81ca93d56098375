package id.aduan.sla.clock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SLA state in sla's own database: per complaint, the facts its clocks depend on
 * ({@code complaints}); per clock, one document keyed by the clock id ({@code clocks}), which the
 * sweep also marks when it warned or reported a breach.
 */
@Component
public class ClockStore {

    public static final String CLOCKS = "clocks";

    /** The sweep's own fields on a clock document, absent from the rules' view of the clock. */
    public static final List<String> SWEEP_FIELDS =
            List.of("warningFiredAt", "warningLeaseUntil", "breachFiredAt", "breachLeaseUntil");

    private final MongoCollection<Document> complaints;
    private final MongoCollection<Document> clocks;

    public ClockStore(MongoDatabase database) {
        this.complaints = database.getCollection("complaints");
        this.clocks = database.getCollection(CLOCKS);
        // Real MongoDB uses them; the stand-in of the embedded default ignores non-unique indexes.
        Mono.from(clocks.createIndex(Indexes.ascending("complaintId"))).subscribe();
        Mono.from(clocks.createIndex(Indexes.ascending("state", "dueAt"))).subscribe();
    }

    public Mono<ComplaintClocks> load(String complaintId) {
        Mono<Optional<Document>> facts = Mono.from(complaints.find(Filters.eq("_id", complaintId)).first())
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(facts, clocksOf(complaintId).collectList(), (found, clockList) -> found
                .map(doc -> new ComplaintClocks(complaintId,
                        doc.getString("classification") == null ? null : Classification.valueOf(doc.getString("classification")),
                        instant(doc, "verifiedAt"), doc.getString("agencyCode"), instant(doc, "assignedAt"), clockList))
                .orElse(new ComplaintClocks(complaintId, null, null, null, null, clockList)));
    }

    /** Every write is an upsert of the whole result, so saving the same change again changes nothing. */
    public Mono<Void> save(ClockRules.Change change) {
        ComplaintClocks next = change.next();
        Document facts = new Document("_id", next.complaintId())
                .append("classification", next.classification() == null ? null : next.classification().name())
                .append("verifiedAt", date(next.verifiedAt()))
                .append("agencyCode", next.agencyCode())
                .append("assignedAt", date(next.assignedAt()));
        return Flux.concat(Flux.fromIterable(change.stopped()), Flux.fromIterable(change.started()),
                        Flux.fromIterable(change.paused()), Flux.fromIterable(change.resumed()))
                .concatMap(clock -> Mono.from(clocks.updateOne(Filters.eq("_id", clock.id()),
                        Updates.combine(Updates.combine(document(clock).entrySet().stream()
                                        .map(field -> Updates.set(field.getKey(), field.getValue())).toList()),
                                Updates.combine(SWEEP_FIELDS.stream().map(field -> Updates.setOnInsert(field, null)).toList())),
                        new UpdateOptions().upsert(true))))
                .then(Mono.from(complaints.replaceOne(Filters.eq("_id", next.complaintId()), facts,
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    public Flux<SlaClock> clocksOf(String complaintId) {
        return Flux.from(clocks.find(Filters.eq("complaintId", complaintId)).sort(new Document("startedAt", 1)))
                .map(ClockStore::clockOf);
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

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
