package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reporter answers a deferral; the complaint goes back to awaiting verification.
 *
 * @param reporterSecretHash the hash of the reporter secret the caller presented, or null
 */
public record SupplyInformation(
        @TargetAggregateIdentifier String complaintId, String information, Instant suppliedAt, String reporterSecretHash) {
}
