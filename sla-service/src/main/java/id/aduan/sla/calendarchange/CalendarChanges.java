package id.aduan.sla.calendarchange;

import id.aduan.contracts.CalendarChanged;
import id.aduan.platform.events.EventPublisher;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.sla.calendar.CalendarHistory;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.calendar.NonWorkingDay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Changes the government calendar: checks a change against the calendar in force, records it,
 * counts on it from then on, and announces it on Kafka. A change recorded but not yet announced
 * (the broker was away) is announced by the next {@link #refresh()}, under the same event id.
 */
public class CalendarChanges {

    private static final Logger log = LoggerFactory.getLogger(CalendarChanges.class);
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final CalendarChangeLog changeLog;
    private final Calendars calendars;
    private final GovernmentCalendar shipped;
    private final EventPublisher publisher;
    private final Clock clock;

    CalendarChanges(CalendarChangeLog changeLog, Calendars calendars, GovernmentCalendar shipped, EventPublisher publisher,
            Clock clock) {
        this.changeLog = changeLog;
        this.calendars = calendars;
        this.shipped = shipped;
        this.publisher = publisher;
        this.clock = clock;
    }

    record Declared(LocalDate date, CalendarChanged.Kind kind, String name) {
    }

    Mono<CalendarChanged> change(List<Declared> declare, List<LocalDate> withdraw, String reason, String changedBy) {
        check(declare, withdraw);
        CalendarChanged change = new CalendarChanged(UUID.randomUUID().toString(),
                declare.stream().map(day -> new CalendarChanged.Day(day.date(), day.kind(), day.name().strip())).toList(),
                withdraw, changedBy, reason.strip(), clock.instant());
        return changeLog.record(change)
                .then(reload())
                .then(publish(change))
                .thenReturn(change);
    }

    /** Takes up changes made through other instances, and announces any change whose event did not go out. */
    public Mono<Void> refresh() {
        return reload().thenMany(changeLog.unpublished()).concatMap(this::publish).then();
    }

    private Mono<Void> reload() {
        return changeLog.all().map(CalendarChangeLog::asHistory).collectList()
                .doOnNext(changes -> calendars.use(CalendarHistory.of(shipped, changes)))
                .then();
    }

    private Mono<Void> publish(CalendarChanged change) {
        return publisher.publish(change.changeId(), change)
                .then(changeLog.markPublished(change.changeId()))
                .onErrorResume(e -> {
                    log.warn("Calendar change {} recorded; its event goes out on the next refresh: {}", change.changeId(),
                            e.getMessage());
                    return Mono.empty();
                });
    }

    /** Refuses, naming the field, a change that is empty, out of range, or says two things of one date. */
    private void check(List<Declared> declare, List<LocalDate> withdraw) {
        if (declare.isEmpty() && withdraw.isEmpty()) {
            throw ProblemResponses.invalidField("declare", "declare or withdraw at least one day");
        }
        Set<LocalDate> declared = new HashSet<>();
        for (int i = 0; i < declare.size(); i++) {
            LocalDate date = declare.get(i).date();
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw ProblemResponses.invalidField("declare[" + i + "].date",
                        "must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
            }
            if (!declared.add(date)) {
                throw ProblemResponses.invalidField("declare[" + i + "].date", date + " is declared twice");
            }
        }
        Set<LocalDate> closedNow = new HashSet<>(calendars.current().nonWorkingDays().stream().map(NonWorkingDay::date).toList());
        Set<LocalDate> withdrawn = new HashSet<>();
        for (int i = 0; i < withdraw.size(); i++) {
            LocalDate date = withdraw.get(i);
            if (declared.contains(date) || !withdrawn.add(date)) {
                throw ProblemResponses.invalidField("withdraw[" + i + "]", date + " appears twice in the change");
            }
            if (!closedNow.contains(date)) {
                throw ProblemResponses.invalidField("withdraw[" + i + "]", date + " is not a non-working day in the calendar");
            }
        }
    }
}
