package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The admin of the assigned agency hands the complaint to one of its units (unit kerja), whose
 * liaison officer then follows it up.
 *
 * @param agencyCode the agency of the admin acting; only the assigned one may
 * @param unitCode a unit of that agency, such as {@code 32.73.DPUPR/UPT-JALAN}
 */
public record AssignToUnit(@TargetAggregateIdentifier String complaintId, String agencyCode, String unitCode, Instant assignedAt) {
}
