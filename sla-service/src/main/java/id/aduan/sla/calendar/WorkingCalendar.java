package id.aduan.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The government working week, Monday to Friday (Perpres 21/2023), less the given non-working days.
 *
 * <p>The counting rule, used for every clock (docs/sla.md): a clock started at instant t counts its
 * N working days from the first working day after t's local date in the acting party's zone; it is
 * due at the end of the Nth, that is, late from the first instant of the next local day.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> closed;
    private final int lastYearKnown;

    /**
     * @param closed weekdays on which offices are closed
     * @param lastYearKnown the last year whose holidays the calendar holds; later dates are provisional
     */
    public WorkingCalendar(Set<LocalDate> closed, int lastYearKnown) {
        this.closed = Set.copyOf(closed);
        this.lastYearKnown = lastYearKnown;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closed.contains(date);
    }

    /** The Nth working day after {@code date}, which itself never counts. */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = date;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    public Deadline deadline(Instant start, int workingDays, ZoneId zone) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a clock runs for at least one working day");
        }
        LocalDate dueDate = addWorkingDays(start.atZone(zone).toLocalDate(), workingDays);
        return new Deadline(dueDate, endOf(dueDate, zone), dueDate.getYear() > lastYearKnown);
    }

    /** The end of a local day: the first instant of the next one, when a clock due that day is late. */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
