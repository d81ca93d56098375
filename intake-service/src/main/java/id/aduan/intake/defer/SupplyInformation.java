package id.aduan.intake.defer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reporter answers a deferral; the complaint goes back to awaiting verification. */
public record SupplyInformation(@TargetAggregateIdentifier String complaintId, String information, Instant suppliedAt) {
}
