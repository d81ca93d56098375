package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A coordinator defers verification (ditunda) to ask the reporter a question. */
public record DeferComplaint(@TargetAggregateIdentifier String complaintId, String question, Instant deferredAt) {
}
