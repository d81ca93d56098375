package id.aduan.sla.calendarchange;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.CalendarChanged;
import id.aduan.sla.calendar.CalendarHistory;
import id.aduan.sla.calendar.NonWorkingDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' calendar changes in sla's {@value #COLLECTION} collection, each under its
 * change id, with whether its event has reached Kafka yet. Append-only: a change is never edited,
 * a later change undoes it.
 */
@Component
class CalendarChangeLog {

    static final String COLLECTION = "calendar-changes";

    private final MongoCollection<Stored> changes;

    CalendarChangeLog(MongoDatabase database) {
        this.changes = database.getCollection(COLLECTION, Stored.class);
    }

    Mono<Void> record(CalendarChanged change) {
        return Mono.from(changes.insertOne(Stored.unpublished(change))).then();
    }

    Mono<Void> markPublished(String changeId) {
        return Mono.from(changes.updateOne(Filters.eq("_id", changeId), Updates.set(Stored.PUBLISHED, true))).then();
    }

    /** Every change, oldest first, as the event that announces it. */
    Flux<CalendarChanged> all() {
        return Flux.from(changes.find()).map(Stored::toEvent).sort(CalendarChangeLog::inOrder);
    }

    Flux<CalendarChanged> unpublished() {
        return Flux.from(changes.find(Filters.eq(Stored.PUBLISHED, false))).map(Stored::toEvent)
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

    /**
     * A change as stored: the event's fields, its dates as ISO strings (the driver's own codec would
     * store a date-time), and whether the event reached Kafka. Public, as the driver's record codec requires.
     */
    public record Stored(@BsonId String changeId, Instant changedAt, List<Day> declared, List<String> withdrawn,
            String changedBy, String reason, boolean published) {

        static final String PUBLISHED = "published";

        public record Day(String date, CalendarChanged.Kind kind, String name) {
        }

        static Stored unpublished(CalendarChanged change) {
            return new Stored(change.changeId(), change.changedAt(),
                    change.declared().stream().map(day -> new Day(day.date().toString(), day.kind(), day.name())).toList(),
                    change.withdrawn().stream().map(LocalDate::toString).toList(),
                    change.changedBy(), change.reason(), false);
        }

        CalendarChanged toEvent() {
            return new CalendarChanged(changeId,
                    declared.stream().map(day -> new CalendarChanged.Day(LocalDate.parse(day.date()), day.kind(), day.name())).toList(),
                    withdrawn.stream().map(LocalDate::parse).toList(), changedBy, reason, changedAt);
        }
    }
}
