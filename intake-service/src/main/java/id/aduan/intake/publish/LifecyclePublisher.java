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
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
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
import id.aduan.intake.complaint.QuestionAskedEvent;
import id.aduan.intake.complaint.QuestionClosedEvent;
import id.aduan.platform.events.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Publishes the complaint lifecycle from the event store to Kafka. It runs in a pooled streaming event
 * processor whose segments (complaints split by id, so each complaint's events stay in order) handle
 * events in batches, each in one database transaction that also moves the segment's token: every
 * handler starts its send, and the batch commits only once the broker acknowledged all of them. While
 * Kafka is away the batch fails, rolls back and is retried from the same token, so nothing is lost (a
 * few events may be sent again, which consumers skip by id). The event store's message id becomes the
 * CloudEvents id, so a replay publishes the same ids and consumers skip them. What the reporter wrote
 * after submitting stays here. An event the producer refuses for itself (too large, say) fails in its
 * handler instead: the processor's dead-letter queue parks that complaint and the other complaints flow
 * on (docs/architecture.md, "Intake's event processors").
 */
@Component
@ProcessingGroup(LifecyclePublisher.PROCESSING_GROUP)
class LifecyclePublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PENDING_SENDS = LifecyclePublisher.class.getName() + ".pendingSends";

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
                event.anonymous(), event.confidential(), event.verifiedAt(), event.regionCode(), event.verifiedBy()));
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintAssigned(event.complaintId(), event.destination(), event.agencyCode(),
                event.assignedAt()));
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new ComplaintFollowedUp(event.complaintId(), event.agencyCode(), event.text(),
                event.attachments() == null ? null : event.attachments().stream()
                        .map(a -> new ComplaintFollowedUp.Attachment(a.name(), a.mediaType(), a.size(), a.sha256())).toList(),
                event.followedUpAt()));
    }

    @EventHandler
    void on(QuestionAskedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new QuestionAsked(event.complaintId(), event.agencyCode(), event.question(), event.askedAt()));
    }

    @EventHandler
    void on(QuestionClosedEvent event, @MessageIdentifier String eventId) {
        publish(eventId, new QuestionClosed(event.complaintId(), event.agencyCode(), event.reason(), event.closedAt()));
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

    /**
     * Starts the send now, in this event's trace and in the batch's order (one producer keeps the
     * order per complaint), and makes the batch wait for its acknowledgement before it commits.
     */
    private void publish(String eventId, AduanEvent event) {
        CompletableFuture<Void> sent = publisher.publish(eventId, event).toFuture();
        failIfTheRecordWasRefused(sent);
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<List<CompletableFuture<Void>>>getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAcknowledgements(pending));
            return pending;
        }).add(sent);
    }

    /**
     * The producer refuses a record it can never send (too large, unserialisable) at once and for good:
     * thrown here, the event is dead-lettered with its complaint. A broker away fails retriably or later,
     * at the batch's commit, which is retried: an outage must not park every complaint.
     */
    private static void failIfTheRecordWasRefused(CompletableFuture<Void> sent) {
        if (!sent.isCompletedExceptionally()) {
            return;
        }
        try {
            sent.join();
        } catch (CompletionException | CancellationException refused) {
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                if (cause instanceof RetriableException) {
                    return;
                }
            }
            throw new IllegalStateException("the producer refused the record: " + refused.getMessage(), refused);
        }
    }

    /** Throwing here rolls the batch back, token included: the processor retries it. */
    private static void awaitAcknowledgements(List<CompletableFuture<Void>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge " + pending.size() + " events", e);
        }
    }
}
