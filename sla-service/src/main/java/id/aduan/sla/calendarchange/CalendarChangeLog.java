package id.aduan.sla.calendarchange;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.CalendarChanged;
import id.aduan.sla.calendar.CalendarHistory;
import id.aduan.sla.calendar.NonWorkingDay;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' calendar changes in sla's {@code calendar-changes} collection, each under its
 * change id, with whether its event has reached Kafka yet. Append-only: a change is never edited,
 * a later change undoes it.
 */
@Component
class CalendarChangeLog {

    private final MongoCollection<Document> changes;

    CalendarChangeLog(MongoDatabase database) {
        this.changes = database.getCollection("calendar-changes");
    }

    Mono<Void> record(CalendarChanged change) {
        Document document = new Document("_id", change.changeId())
                .append("changedAt", Date.from(change.changedAt()))
                .append("declared", change.declared().stream().map(day -> new Document("date", day.date().toString())
                        .append("kind", day.kind().name()).append("name", day.name())).toList())
                .append("withdrawn", change.withdrawn().stream().map(LocalDate::toString).toList())
                .append("changedBy", change.changedBy())
                .append("reason", change.reason())
                .append("published", false);
        return Mono.from(changes.insertOne(document)).then();
    }

    Mono<Void> markPublished(String changeId) {
        return Mono.from(changes.updateOne(Filters.eq("_id", changeId), Updates.set("published", true))).then();
    }

    /** Every change, oldest first, as the event that announces it. */
    Flux<CalendarChanged> all() {
        return Flux.from(changes.find()).map(CalendarChangeLog::read).sort(CalendarChangeLog::inOrder);
    }

    Flux<CalendarChanged> unpublished() {
        return Flux.from(changes.find(Filters.eq("published", false))).map(CalendarChangeLog::read)
                .sort(CalendarChangeLog::inOrder);
    }

    static CalendarHistory.Change asHistory(CalendarChanged change) {
        return new CalendarHistory.Change(change.changeId(), change.changedAt(),
                change.declared().stream().map(day -> new NonWorkingDay(day.date(),
                        NonWorkingDay.Kind.valueOf(day.kind().name()), day.name())).toList(),
                change.withdrawn());
    }

    private static int inOrder(CalendarChanged a, CalendarChanged b) {
        return CalendarHistory.ORDER.compare(asHistory(a), asHistory(b));
    }

    private static CalendarChanged read(Document stored) {
        List<CalendarChanged.Day> declared = stored.getList("declared", Document.class).stream()
                .map(day -> new CalendarChanged.Day(LocalDate.parse(day.getString("date")),
                        CalendarChanged.Kind.valueOf(day.getString("kind")), day.getString("name")))
                .toList();
        List<LocalDate> withdrawn = stored.getList("withdrawn", String.class).stream().map(LocalDate::parse).toList();
        return new CalendarChanged(stored.getString("_id"), declared, withdrawn, stored.getString("changedBy"),
                stored.getString("reason"), stored.getDate("changedAt").toInstant());
    }
}
