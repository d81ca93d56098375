package id.aduan.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The national coordinators changed the government calendar: declared non-working days (a new year,
 * a holiday's new date after the decree) and withdrew others. Clocks started after it count on the
 * changed calendar.
 *
 * @param changeId unique per change; the changes in order are the calendar's history
 * @param declared days that are now non-working, replacing what a date was before
 * @param withdrawn dates that are working days again
 * @param changedBy the coordinator who made the change
 * @param reason why, typically the decree that moved a holiday
 */
@CloudEventType(value = "aduan.sla.calendar-changed.v1", topic = Topic.SLA)
public record CalendarChanged(
        String changeId,
        List<Day> declared,
        List<LocalDate> withdrawn,
        String changedBy,
        String reason,
        Instant changedAt) implements AduanEvent {

    /** Every calendar change has this subject, so that the changes stay in order on one partition. */
    public static final String SUBJECT = "calendar";

    /** A weekday on which government offices are closed. */
    public record Day(LocalDate date, Kind kind, String name) {

        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    public enum Kind {
        /** Hari libur nasional: closed everywhere. */
        HOLIDAY,
        /** Cuti bersama, collective leave: closed unless an agency is configured to work through it. */
        CUTI_BERSAMA
    }

    public CalendarChanged {
        Objects.requireNonNull(changeId, "changeId");
        declared = List.copyOf(Objects.requireNonNull(declared, "declared"));
        withdrawn = List.copyOf(Objects.requireNonNull(withdrawn, "withdrawn"));
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
        if (declared.isEmpty() && withdrawn.isEmpty()) {
            throw new IllegalArgumentException("a calendar change declares or withdraws at least one day");
        }
    }

    @Override
    public String subject() {
        return SUBJECT;
    }

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
