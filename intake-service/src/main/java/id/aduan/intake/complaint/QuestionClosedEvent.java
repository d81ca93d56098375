package id.aduan.intake.complaint;

import id.aduan.contracts.QuestionClosed;
import java.time.Instant;

/**
 * The agency's question is no longer open; unlike the public event it keeps the reporter's answer.
 *
 * @param answer the reporter's words when {@code reason} is ANSWERED, otherwise null
 */
public record QuestionClosedEvent(
        String complaintId, String agencyCode, QuestionClosed.Reason reason, String answer, Instant closedAt) {
}
