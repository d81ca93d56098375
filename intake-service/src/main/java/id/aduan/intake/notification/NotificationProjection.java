package id.aduan.intake.notification;

import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.intake.complaint.ComplaintArchivedEvent;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintDeferredEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.QuestionAskedEvent;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Turns intake's events into the steps reporters are told of, in a tracking processor of its own: the
 * request that caused an event never waits for it, and its token moves with the sent-log rows (same
 * transaction), so every event is logged once. Replaying it from the start logs nothing twice: rows
 * are keyed by event id and channel, and there is deliberately no reset handler.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = "reporter-notifications";

    private final Notifications notifications;

    NotificationProjection(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Submission is answered by its channel; what is kept here is whom to tell later. */
    @EventHandler
    void on(ComplaintSubmittedEvent event) {
        if (event.reporter() != null) {
            notifications.rememberContact(event.complaintId(), event.reporter(), event.reporterRef());
        }
    }

    @EventHandler
    void on(ComplaintVerifiedEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.VERIFIED, Map.of());
    }

    @EventHandler
    void on(ComplaintArchivedEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.ARCHIVED,
                Map.of("reason", event.reason().name(), "note", event.note() == null ? "" : event.note()));
    }

    @EventHandler
    void on(ComplaintDeferredEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.DEFERRED, Map.of("question", event.question()));
    }

    /** Disposition to an agency; a complaint left to the national coordinators has nothing new to tell yet. */
    @EventHandler
    void on(ComplaintAssignedEvent event, @MessageIdentifier String eventId) {
        if (event.destination() == ComplaintRouted.Destination.AGENCY) {
            notifications.record(eventId, event.complaintId(), Step.ASSIGNED, Map.of("agency", event.agencyCode()));
        }
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.FOLLOWED_UP,
                Map.of("agency", event.agencyCode(), "text", event.text()));
    }

    @EventHandler
    void on(QuestionAskedEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.QUESTION_ASKED,
                Map.of("agency", event.agencyCode(), "question", event.question()));
    }

    @EventHandler
    void on(ComplaintMarkedCompleteEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(), Step.MARKED_COMPLETE, Map.of("agency", event.agencyCode()));
    }

    @EventHandler
    void on(ComplaintCompletedEvent event, @MessageIdentifier String eventId) {
        notifications.record(eventId, event.complaintId(),
                event.reason() == ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED ? Step.COMPLETED_AUTOMATICALLY : Step.COMPLETED,
                Map.of());
    }
}
