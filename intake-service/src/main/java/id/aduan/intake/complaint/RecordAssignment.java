package id.aduan.intake.complaint;

import id.aduan.contracts.ComplaintRouted;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record routing's decision (disposisi) on the complaint: who may follow it up.
 *
 * @param agencyCode null exactly when the destination is the coordinators' queue
 * @param explanation, actor, reason as routing gave them (ComplaintRouted)
 * @param unitCode the unit of the agency routing names (a suku dinas of an administrative city), or null
 */
public record RecordAssignment(
        @TargetAggregateIdentifier String complaintId,
        ComplaintRouted.Destination destination,
        String agencyCode,
        Instant assignedAt,
        String explanation,
        String actor,
        String reason,
        String unitCode) {
}
