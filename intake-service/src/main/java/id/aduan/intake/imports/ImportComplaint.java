package id.aduan.intake.imports;

import id.aduan.contracts.ComplaintRouted;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a complaint with the history it lived in a retired app.
 *
 * @param complaintId derived from the source app and legacy id, so a second import is refused
 * @param importedAt when Aduan imported it
 */
public record ImportComplaint(@TargetAggregateIdentifier String complaintId, LegacyHistory history, Instant importedAt) {

    /**
     * The events a live complaint would have recorded, at their original times; then where it came
     * from, which only intake keeps.
     */
    public List<Object> events() {
        List<Object> events = new ArrayList<>();
        // An imported reporter was handed no secret, so nobody can take the citizen steps for it.
        events.add(new ComplaintSubmittedEvent(complaintId, history.submission(), history.submittedAt(), null, null, null));
        events.add(new LegacyHistoryImported(complaintId, history.sourceApp(), history.legacyId(), history.originalChannel(),
                importedAt));
        LegacyHistory.Verification verification = history.verification();
        if (verification != null) {
            events.add(new ComplaintVerifiedEvent(complaintId, verification.classification(), history.categoryCode(),
                    Boolean.TRUE.equals(history.anonymous()), Boolean.TRUE.equals(history.confidential()), verification.at(),
                    history.submission().location().regionCode(), null));
        }
        LegacyHistory.Routing routing = history.routing();
        if (routing != null) {
            events.add(new ComplaintAssignedEvent(complaintId, ComplaintRouted.Destination.AGENCY, routing.agencyCode(), routing.at(),
                    "Dialihkan dari sistem sebelumnya.", null, null));
            for (LegacyHistory.FollowUp followUp : history.followUps()) {
                events.add(new ComplaintFollowedUpEvent(complaintId, routing.agencyCode(), followUp.text(), List.of(), followUp.at()));
            }
            LegacyHistory.Completion completion = history.completion();
            if (completion != null) {
                events.add(new ComplaintMarkedCompleteEvent(complaintId, routing.agencyCode(), completion.markedAt()));
                events.add(new ComplaintCompletedEvent(complaintId, completion.how(), null, completion.at()));
            }
        }
        return events;
    }
}
