package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned agency marks the complaint complete; the reporter may then answer.
 *
 * @param agencyCode the agency of the admin or liaison officer acting; only the assigned one may
 * @param unitCode the liaison officer's unit, which must be the one the complaint was handed to; null for the agency admin
 */
public record MarkComplete(@TargetAggregateIdentifier String complaintId, String agencyCode, String unitCode, Instant markedAt) {

    /** By the agency admin. */
    public MarkComplete(String complaintId, String agencyCode, Instant markedAt) {
        this(complaintId, agencyCode, null, markedAt);
    }
}
