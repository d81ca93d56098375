package id.aduan.intake.complaint;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a complaint with the history it lived in a retired app.
 *
 * @param complaintId derived from the source app and legacy id, so a second import is refused
 * @param history the events a live complaint would have recorded, at their original times, beginning with its
 *     {@link ComplaintSubmittedEvent}; the import checked that Aduan's lifecycle allows them
 */
public record ImportComplaint(@TargetAggregateIdentifier String complaintId, List<Object> history) {
}
