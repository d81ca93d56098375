package id.aduan.intake.publish;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.InformationSupplied;
import id.aduan.intake.complaint.ComplaintArchivedEvent;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintDeferredEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintRatedEvent;
import id.aduan.intake.complaint.ComplaintReopenedEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.InformationSuppliedEvent;
import id.aduan.platform.events.EventPublisher;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Publishes the complaint lifecycle from the event store to Kafka. It runs in a tracking event
 * processor whose token moves on only when a handler returns, and each handler returns only after
 * the broker acknowledged: while Kafka is away the processor retries from the same event, so
 * nothing is lost. The event store's message id becomes the CloudEvents id, so a replay publishes
 * the same ids and consumers skip them. What the reporter wrote after submitting stays here.
 */
@Component
@ProcessingGroup(LifecyclePublisher.PROCESSING_GROUP)
class LifecyclePublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final EventPublisher publisher;

    LifecyclePublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ComplaintSubmittedEvent event, @MessageIdentifier String eventId) {
        Submission submission = event.submission();
        publish(eventId, new ComplaintSubmitted(event.complaintId(), submission.channel(), submission.title(),
                submission.description(), submission.categoryCode(), submission.location(),
                submission.addressedAgencyCode(), submission.receivedAt(), event.submittedAt(), submission.anonymous(),
                submission.confidential(), event.reporterRef()));
    }

    @EventHandler
    void on(ComplaintDeferredEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintDeferred(event.complaintId(), event.question(), event.deferredAt()));
    }

    @EventHandler
    void on(InformationSuppliedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new InformationSupplied(event.complaintId(), event.suppliedAt()));
    }

    @EventHandler
    void on(ComplaintArchivedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintArchived(event.complaintId(), event.reason(), event.note(), event.archivedAt()));
    }

    @EventHandler
    void on(ComplaintVerifiedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintVerified(event.complaintId(), event.classification(), event.categoryCode(),
                event.anonymous(), event.confidential(), event.verifiedAt()));
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintAssigned(event.complaintId(), event.destination(), event.agencyCode(),
                event.assignedAt()));
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintFollowedUp(event.complaintId(), event.agencyCode(), event.text(),
                event.attachments(), event.followedUpAt()));
    }

    @EventHandler
    void on(ComplaintMarkedCompleteEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintMarkedComplete(event.complaintId(), event.agencyCode(), event.markedAt()));
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintReopened(event.complaintId(), event.reopening(), event.reopenedAt()));
    }

    @EventHandler
    void on(ComplaintCompletedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintCompleted(event.complaintId(), event.reason(), event.completedAt()));
    }

    @EventHandler
    void on(ComplaintRatedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintRated(event.complaintId(), event.score(), event.ratedAt()));
    }

    /** Returns only once the broker acknowledged, which keeps the processor's token honest. */
    private void publish(String eventId, AduanEvent event) {
        publisher.publish(eventId, event).block(ACKNOWLEDGEMENT_TIMEOUT);
    }
}
