package id.aduan.sla.calendar;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calendar history this instance counts on. Every instance reloads it from the recorded changes
 * (calendarchange), so a change made through any instance reaches all of them.
 */
public final class Calendars {

    private final AtomicReference<CalendarHistory> history;

    public Calendars(CalendarHistory history) {
        this.history = new AtomicReference<>(history);
    }

    public GovernmentCalendar asOf(Instant instant) {
        return history.get().asOf(instant);
    }

    public GovernmentCalendar current() {
        return history.get().current();
    }

    public CalendarHistory history() {
        return history.get();
    }

    public void use(CalendarHistory newer) {
        history.set(newer);
    }
}
