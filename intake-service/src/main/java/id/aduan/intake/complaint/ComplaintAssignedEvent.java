package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintRouted;
import java.time.Instant;

/** Routing's decision as the complaint recorded it.
 *
 * @param agencyCode null exactly when the destination is the coordinators' queue */
public record ComplaintAssignedEvent(
        String complaintId, ComplaintRouted.Destination destination, String agencyCode, Instant assignedAt) {
}
