package id.aduan.intake.complaint;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.aduan.intake.submit.SubmitComplaint;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A citizen's complaint, event-sourced: its state is whatever its events say. */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;

    protected Complaint() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Complaint(SubmitComplaint command) {
        if (command.submission().receivedAt().isAfter(command.submittedAt())) {
            throw new ComplaintRuleViolation("receivedAt", "a complaint cannot be received after it is submitted");
        }
        if ((command.reporter() == null) != (command.reporterRef() == null)) {
            throw new ComplaintRuleViolation("reporterRef", "a reporter reference goes with a reporter, and only with one");
        }
        apply(new ComplaintSubmittedEvent(command.complaintId(), command.submission(), command.submittedAt(),
                command.reporter(), command.reporterRef()));
    }

    @EventSourcingHandler
    void on(ComplaintSubmittedEvent event) {
        complaintId = event.complaintId();
    }
}
