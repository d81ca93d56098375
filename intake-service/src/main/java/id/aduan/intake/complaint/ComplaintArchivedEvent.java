package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintArchived;
import java.time.Instant;

/** A coordinator archived the complaint.
 *
 * @param note null when the coordinator gave none */
public record ComplaintArchivedEvent(
        String complaintId, ComplaintArchived.Reason reason, String note, Instant archivedAt) {
}
