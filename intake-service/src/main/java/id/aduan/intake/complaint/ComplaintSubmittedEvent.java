package id.aduan.intake.complaint;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import java.time.Instant;

/**
 * Intake's own record that a complaint was submitted, as stored in the event store. Unlike the
 * public {@link id.aduan.contracts.ComplaintSubmitted} it holds the reporter's identity, which
 * stays inside intake.
 */
public record ComplaintSubmittedEvent(
        String complaintId,
        Channel channel,
        String title,
        String description,
        String categoryCode,
        Location location,
        String addressedAgencyCode,
        Instant receivedAt,
        Instant submittedAt,
        boolean anonymous,
        boolean confidential,
        Reporter reporter,
        String reporterRef) {
}
