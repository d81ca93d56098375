package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintArchived;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A coordinator archives a complaint instead of verifying it.
 *
 * @param note null when the coordinator gives none
 */
public record ArchiveComplaint(
        @TargetAggregateIdentifier String complaintId, ComplaintArchived.Reason reason, String note, Instant archivedAt) {
}
