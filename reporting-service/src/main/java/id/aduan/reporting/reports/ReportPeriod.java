package id.aduan.reporting.reports;

import id.aduan.platform.web.ProblemResponses;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The days a report covers, both included, each complaint counted by the local date of its
 * submission in the scope's zone. Either bound may be open.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    static final ReportPeriod ALL = new ReportPeriod(null, null);

    /** Parses the {@code from} and {@code to} parameters; a malformed one or an inverted range is refused naming it. */
    static ReportPeriod parse(String from, String to) {
        ReportPeriod period = new ReportPeriod(date("from", from), date("to", to));
        if (period.from != null && period.to != null && period.to.isBefore(period.from)) {
            throw ProblemResponses.invalidField("to", "must not be before from (" + period.from + ")");
        }
        return period;
    }

    /** The bounds as the ISO dates stored in {@code submittedOn}, whose order is the order of the days. */
    String fromKey() {
        return from == null ? "0000-01-01" : from.toString();
    }

    String toKey() {
        return to == null ? "9999-12-31" : to.toString();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemResponses.invalidField(field, "must be a date such as 2025-01-31");
        }
    }

    /** How a report's {@code byPeriod} groups days: a day, a month ({@code 2025-03}), a quarter ({@code 2025-Q1}) or a year. */
    public enum Interval {
        DAY, MONTH, QUARTER, YEAR;

        static Interval parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemResponses.invalidField("interval", "must be day, month, quarter or year");
            }
        }

        /** The period a day (an ISO date) falls in. */
        String of(String day) {
            return switch (this) {
                case DAY -> day;
                case MONTH -> day.substring(0, 7);
                case QUARTER -> day.substring(0, 4) + "-Q" + ((Integer.parseInt(day.substring(5, 7)) + 2) / 3);
                case YEAR -> day.substring(0, 4);
            };
        }
    }
}
