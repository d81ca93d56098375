package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The agency's question to the reporter is no longer open: answered, left unanswered past its limit,
 * or dropped because the complaint was assigned elsewhere. The reporter's answer itself stays in
 * intake: written by the reporter, it may identify them.
 *
 * @param agencyCode the agency that asked
 * @param closedAt for an unanswered question, the end of the reporter's time to answer
 */
@CloudEventType(value = "aduan.complaint.question-closed.v1", topic = Topic.COMPLAINTS)
public record QuestionClosed(String complaintId, String agencyCode, Reason reason, Instant closedAt)
        implements ComplaintEvent {

    public enum Reason {
        /** The reporter answered. */
        ANSWERED,
        /** The reporter did not answer in time ({@code aduan.sla.question-expired.v1}). */
        UNANSWERED,
        /** The complaint was assigned to another agency or to the coordinators' queue. */
        REASSIGNED
    }

    public QuestionClosed {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
