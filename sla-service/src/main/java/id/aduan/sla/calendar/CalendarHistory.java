package id.aduan.sla.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The government calendar as the shipped data and the coordinators' changes after it made it at any
 * instant. A clock counts on the calendar as it was when the clock started (docs/sla.md, "Changing
 * the calendar"), so rebuilding clocks from their events gives the same due dates whenever it runs.
 */
public final class CalendarHistory {

    /** One recorded change: {@code declared} closed and {@code withdrawn} working again from {@code changedAt} on. */
    public record Change(String changeId, Instant changedAt, List<NonWorkingDay> declared, List<LocalDate> withdrawn) {

        public Change {
            Objects.requireNonNull(changeId, "changeId");
            Objects.requireNonNull(changedAt, "changedAt");
            declared = List.copyOf(declared);
            withdrawn = List.copyOf(withdrawn);
        }
    }

    /** Changes in the order they apply: by time, and by id between changes made in the same instant. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::changedAt).thenComparing(Change::changeId);

    private final List<Change> changes;
    private final List<GovernmentCalendar> versions;

    private CalendarHistory(List<Change> changes, List<GovernmentCalendar> versions) {
        this.changes = changes;
        this.versions = versions;
    }

    public static CalendarHistory of(GovernmentCalendar shipped, List<Change> changes) {
        List<Change> ordered = changes.stream().sorted(ORDER).toList();
        List<GovernmentCalendar> versions = new ArrayList<>(List.of(shipped));
        for (Change change : ordered) {
            versions.add(versions.get(versions.size() - 1).changed(change.declared(), change.withdrawn()));
        }
        return new CalendarHistory(ordered, List.copyOf(versions));
    }

    /** The calendar with every change made up to and including {@code instant}. */
    public GovernmentCalendar asOf(Instant instant) {
        int applied = 0;
        while (applied < changes.size() && !changes.get(applied).changedAt().isAfter(instant)) {
            applied++;
        }
        return versions.get(applied);
    }

    public GovernmentCalendar current() {
        return versions.get(versions.size() - 1);
    }

    public List<Change> changes() {
        return changes;
    }
}
