package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintCompleted;
import java.time.Instant;

/** The complaint is completed.
 *
 * @param comment the satisfied reporter's, or null; stays in intake */
public record ComplaintCompletedEvent(
        String complaintId, ComplaintCompleted.Reason reason, String comment, Instant completedAt) {
}
