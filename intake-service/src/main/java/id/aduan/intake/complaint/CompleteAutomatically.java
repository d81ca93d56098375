package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reporter's window to answer expired (sla-service said so): the complaint counts as completed. */
public record CompleteAutomatically(@TargetAggregateIdentifier String complaintId, String clockId, Instant expiredAt) {
}
