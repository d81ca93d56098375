package id.aduan.intake.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.intake.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One complaint as an inbox lists it.
 *
 * @param unitCode the unit of the agency it was handed to, or null
 * @param receivedAt when the citizen complained
 * @param nextDueAt, nextClock the running clock due first (verification, follow-up or end to end); null when none runs
 * @param clockPaused whether a clock waits for the reporter (deferred, or asked during follow-up)
 * @param overdue whether the next due time has passed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxRow(
        String trackingId,
        String title,
        ComplaintStatus status,
        String categoryCode,
        String regionCode,
        String channel,
        String classification,
        String agencyCode,
        String unitCode,
        Instant receivedAt,
        Instant nextDueAt,
        ClockKind nextClock,
        boolean clockPaused,
        boolean overdue) {

    /** The row an entry and clocks make at {@code now}; none until the submission is known. */
    static Optional<InboxRow> of(String complaintId, InboxEntry entry, ClockSet clocks, Instant now) {
        if (!entry.submitted()) {
            return Optional.empty();
        }
        Optional<ClockSet.Next> next = clocks.next();
        Instant due = next.map(ClockSet.Next::dueAt).orElse(null);
        return Optional.of(new InboxRow(complaintId, entry.title(), entry.status().value(), entry.categoryCode().value(),
                entry.regionCode().value(), entry.channel(), entry.classification().value(), entry.agencyCode().value(),
                entry.unitCode().value(), entry.receivedAt(), due, next.map(ClockSet.Next::kind).orElse(null),
                clocks.paused(), due != null && due.isBefore(now)));
    }
}
