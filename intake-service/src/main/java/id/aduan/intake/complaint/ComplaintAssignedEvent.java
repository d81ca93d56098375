package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintRouted;
import java.time.Instant;

/**
 * Routing's decision as the complaint recorded it.
 *
 * @param agencyCode null exactly when the destination is the coordinators' queue
 * @param explanation, actor, reason routing's, for the case file; null in events recorded before they were kept,
 *     and {@code actor} and {@code reason} for a step routing took alone
 */
public record ComplaintAssignedEvent(
        String complaintId, ComplaintRouted.Destination destination, String agencyCode, Instant assignedAt,
        String explanation, String actor, String reason) {
}
