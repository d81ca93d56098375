package id.aduan.intake.inbox;

import id.aduan.intake.complaint.ComplaintArchivedEvent;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintAssignedToUnitEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintCorrectedEvent;
import id.aduan.intake.complaint.ComplaintDeferredEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintReopenedEvent;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.InformationSuppliedEvent;
import id.aduan.intake.complaint.Submission;
import java.time.Instant;

/**
 * What the inbox knows of a complaint from intake's own events. Each field keeps the sequence
 * number of the complaint's event that set it ({@link Versioned}), so the entry is the same whatever
 * order the events came in and however often each came.
 *
 * @param title, description, channel, receivedAt, submittedAt from the submission, which alone sets them;
 *     null until it is applied
 * @param receivedAt when the citizen complained (a typed-in complaint's original time), else the submission's
 */
record InboxEntry(
        String title,
        String description,
        String channel,
        Instant receivedAt,
        Instant submittedAt,
        Versioned<ComplaintStatus> status,
        Versioned<String> categoryCode,
        Versioned<String> regionCode,
        Versioned<String> classification,
        Versioned<Boolean> confidential,
        Versioned<String> agencyCode,
        Versioned<String> unitCode) {

    static final InboxEntry EMPTY = new InboxEntry(null, null, null, null, null, Versioned.unset(), Versioned.unset(),
            Versioned.unset(), Versioned.unset(), Versioned.unset(), Versioned.unset(), Versioned.unset());

    /** Whether the submission has been applied: only then is the complaint listed. */
    boolean submitted() {
        return submittedAt != null;
    }

    /**
     * @param sequence the event's sequence number in its complaint's stream
     * @return this entry when the event changes nothing the inbox shows
     */
    InboxEntry apply(long sequence, Object event) {
        if (event instanceof ComplaintSubmittedEvent submitted) {
            return submitted(sequence, submitted);
        }
        if (event instanceof ComplaintVerifiedEvent verified) {
            // Verifications recorded before regions could be corrected name none: the region stays.
            return new InboxEntry(title, description, channel, receivedAt, submittedAt,
                    status.offer(ComplaintStatus.VERIFIED, sequence), categoryCode.offer(verified.categoryCode(), sequence),
                    verified.regionCode() == null ? regionCode : regionCode.offer(verified.regionCode(), sequence),
                    classification.offer(verified.classification().name(), sequence),
                    confidential.offer(verified.confidential(), sequence), agencyCode, unitCode);
        }
        if (event instanceof ComplaintCorrectedEvent corrected) {
            return new InboxEntry(title, description, channel, receivedAt, submittedAt, status,
                    categoryCode.offer(corrected.categoryCode(), sequence), regionCode.offer(corrected.regionCode(), sequence),
                    classification, confidential, agencyCode, unitCode);
        }
        if (event instanceof ComplaintAssignedEvent assigned) {
            // To another agency (or to the coordinators' queue): no unit of it has the complaint yet.
            return new InboxEntry(title, description, channel, receivedAt, submittedAt, status, categoryCode, regionCode,
                    classification, confidential, agencyCode.offer(assigned.agencyCode(), sequence),
                    unitCode.offer(null, sequence));
        }
        if (event instanceof ComplaintAssignedToUnitEvent handed) {
            return new InboxEntry(title, description, channel, receivedAt, submittedAt, status, categoryCode, regionCode,
                    classification, confidential, agencyCode, unitCode.offer(handed.unitCode(), sequence));
        }
        ComplaintStatus next = statusAfter(event);
        return next == null ? this : new InboxEntry(title, description, channel, receivedAt, submittedAt,
                status.offer(next, sequence), categoryCode, regionCode, classification, confidential, agencyCode, unitCode);
    }

    /** The status an event that changes nothing else leaves the complaint in; null for any other event. */
    private static ComplaintStatus statusAfter(Object event) {
        if (event instanceof ComplaintDeferredEvent) {
            return ComplaintStatus.DEFERRED;
        }
        if (event instanceof InformationSuppliedEvent) {
            return ComplaintStatus.AWAITING_VERIFICATION;
        }
        if (event instanceof ComplaintArchivedEvent) {
            return ComplaintStatus.ARCHIVED;
        }
        if (event instanceof ComplaintFollowedUpEvent || event instanceof ComplaintReopenedEvent) {
            return ComplaintStatus.IN_PROCESS;
        }
        if (event instanceof ComplaintMarkedCompleteEvent) {
            return ComplaintStatus.AWAITING_REPORTER;
        }
        if (event instanceof ComplaintCompletedEvent) {
            return ComplaintStatus.COMPLETED;
        }
        return null;
    }

    private InboxEntry submitted(long sequence, ComplaintSubmittedEvent event) {
        Submission submission = event.submission();
        Instant received = submission.receivedAt() != null ? submission.receivedAt() : event.submittedAt();
        return new InboxEntry(submission.title(), submission.description(), submission.channel().name(), received,
                event.submittedAt(), status.offer(ComplaintStatus.AWAITING_VERIFICATION, sequence),
                categoryCode.offer(submission.categoryCode(), sequence),
                regionCode.offer(submission.location().regionCode(), sequence), classification,
                confidential.offer(submission.confidential(), sequence), agencyCode, unitCode);
    }
}
