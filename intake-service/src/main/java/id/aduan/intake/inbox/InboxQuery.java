package id.aduan.intake.inbox;

import id.aduan.intake.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which complaints a list shows, in which order, from where.
 *
 * @param agencyCode only those with this agency; null for every agency
 * @param unitCode only those handed to this unit; null for any unit or none
 * @param withUnits with {@code agencyCode}: also those handed to its units, not only those it holds itself
 * @param confidentialShown whether rahasia complaints are listed
 * @param statuses only these; empty for any
 * @param categoryCode only this category and those below it ({@code INFRA} takes {@code INFRA.ROAD})
 * @param regionCode only this region and those inside it ({@code 32} takes {@code 32.73})
 * @param receivedFrom, receivedTo received in this range, either end open when null
 * @param dueBefore only those whose next due time is before this
 * @param overdueOnly only those whose next due time has passed
 * @param text only those with this text in the title or description, in any case
 * @param after where the previous page ended; null for the first page
 */
record InboxQuery(
        String agencyCode,
        String unitCode,
        boolean withUnits,
        boolean confidentialShown,
        Set<ComplaintStatus> statuses,
        String categoryCode,
        String regionCode,
        String channel,
        String classification,
        Instant receivedFrom,
        Instant receivedTo,
        Instant dueBefore,
        boolean overdueOnly,
        String text,
        Sort sort,
        int limit,
        Cursor after) {

    InboxQuery withStatuses(Set<ComplaintStatus> only) {
        return new InboxQuery(agencyCode, unitCode, withUnits, confidentialShown, only, categoryCode, regionCode, channel,
                classification, receivedFrom, receivedTo, dueBefore, overdueOnly, text, sort, limit, after);
    }

    /** The orders a list comes in; the complaint id breaks ties, so every order is total and pages never overlap. */
    enum Sort {
        /** Next due first; those with no running clock last. */
        DUE("due_order", false),
        /** Latest due first. */
        DUE_DESC("due_order", true),
        /** Oldest received first. */
        RECEIVED("received_at", false),
        /** Newest received first. */
        RECEIVED_DESC("received_at", true);

        final String column;
        final boolean descending;

        Sort(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }
    }

    /** The sort key and complaint id of the last row of a page. */
    record Cursor(Instant key, String complaintId) {
    }
}
