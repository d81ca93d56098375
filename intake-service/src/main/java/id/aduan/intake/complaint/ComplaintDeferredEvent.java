package id.aduan.intake.complaint;

import java.time.Instant;

/** A coordinator asked the reporter for more information before verifying. */
public record ComplaintDeferredEvent(
        String complaintId, String question, Instant deferredAt) {
}
