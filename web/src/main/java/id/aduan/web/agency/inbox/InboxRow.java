package id.aduan.web.agency.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** One complaint in the inbox, as {@code GET /api/v1/inbox} lists it (docs/inbox.md, "Each row"). */
record InboxRow(String trackingId, String title, String status, String categoryCode, String regionCode, String channel,
        String classification, String agencyCode, String unitCode, Instant receivedAt, Instant nextDueAt, String nextClock,
        boolean clockPaused, boolean overdue) {

    /**
     * Whole days from today to the due day, both in the agency's zone: 0 due today, negative overdue. Null when
     * no deadline runs. Counted in calendar days, as people read a date; the deadline itself is in working days.
     */
    Long daysLeft(ZoneId zone, Instant now) {
        LocalDate lastDay = lastDay(zone);
        return lastDay == null ? null : ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), lastDay);
    }

    /** The last day to act: {@code nextDueAt} is the first late instant, the midnight after it (docs/sla.md). */
    LocalDate lastDay(ZoneId zone) {
        return nextDueAt == null ? null : nextDueAt.minusNanos(1).atZone(zone).toLocalDate();
    }
}
