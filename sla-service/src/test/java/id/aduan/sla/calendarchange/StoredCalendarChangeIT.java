package id.aduan.sla.calendarchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.CalendarChanged;
import id.aduan.testkit.AduanServiceTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calendar changes recorded before the typed collection read back unchanged, and new ones are stored
 * in the same shape. Marked published, so no event goes out for them; the year 2090 moves no other test's dates.
 */
@AduanServiceTest
class StoredCalendarChangeIT {

    private static final Instant CHANGED_AT = Instant.parse("2026-03-02T04:00:00Z");

    @Autowired
    MongoDatabase database;

    @Autowired
    CalendarChangeLog changeLog;

    @Test
    void aChangeStoredInTheEarlierShapeReadsBackAsTheEventThatAnnouncedIt() {
        Document earlier = new Document("_id", "chg-earlier-shape")
                .append("changedAt", Date.from(CHANGED_AT))
                .append("declared", List.of(new Document("date", "2090-01-02").append("kind", "CUTI_BERSAMA")
                        .append("name", "Tahun Baru Masehi")))
                .append("withdrawn", List.of("2090-01-03"))
                .append("changedBy", "coordinator")
                .append("reason", "SKB 2090")
                .append("published", true);
        Mono.from(database.getCollection(CalendarChangeLog.COLLECTION).insertOne(earlier)).block();

        assertThat(changeLog.all().filter(change -> change.changeId().equals("chg-earlier-shape")).blockFirst())
                .isEqualTo(new CalendarChanged("chg-earlier-shape",
                        List.of(new CalendarChanged.Day(LocalDate.parse("2090-01-02"), CalendarChanged.Kind.CUTI_BERSAMA,
                                "Tahun Baru Masehi")),
                        List.of(LocalDate.parse("2090-01-03")), "coordinator", "SKB 2090", CHANGED_AT));
    }

    @Test
    void aChangeIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        CalendarChanged change = new CalendarChanged("chg-same-shape",
                List.of(new CalendarChanged.Day(LocalDate.parse("2090-05-01"), CalendarChanged.Kind.HOLIDAY, "Hari Buruh")),
                List.of(LocalDate.parse("2090-05-02")), "coordinator", "SKB 2090", CHANGED_AT);
        CalendarChangeLog.Stored stored = CalendarChangeLog.Stored.unpublished(change);
        Mono.from(database.getCollection(CalendarChangeLog.COLLECTION, CalendarChangeLog.Stored.class)
                .insertOne(new CalendarChangeLog.Stored(stored.changeId(), stored.changedAt(), stored.declared(),
                        stored.withdrawn(), stored.changedBy(), stored.reason(), true))).block();

        Document raw = Flux.from(database.getCollection(CalendarChangeLog.COLLECTION)
                .find(Filters.eq("_id", "chg-same-shape"))).blockFirst();
        assertThat(raw).isEqualTo(new Document("_id", "chg-same-shape")
                .append("changedAt", Date.from(CHANGED_AT))
                .append("declared", List.of(new Document("date", "2090-05-01").append("kind", "HOLIDAY").append("name", "Hari Buruh")))
                .append("withdrawn", List.of("2090-05-02"))
                .append("changedBy", "coordinator")
                .append("reason", "SKB 2090")
                .append("published", true));
    }
}
