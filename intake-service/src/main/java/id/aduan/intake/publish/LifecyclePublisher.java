package id.aduan.intake.publish;

import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.Submission;
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
 * the same ids and consumers skip them.
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
        publisher.publish(eventId, new ComplaintSubmitted(event.complaintId(), submission.channel(), submission.title(),
                submission.description(), submission.categoryCode(), submission.location(),
                submission.addressedAgencyCode(), submission.receivedAt(), event.submittedAt(), submission.anonymous(),
                submission.confidential(), event.reporterRef()))
                .block(ACKNOWLEDGEMENT_TIMEOUT);
    }
}
