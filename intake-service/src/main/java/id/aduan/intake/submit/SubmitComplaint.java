package id.aduan.intake.submit;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import id.aduan.intake.complaint.Reporter;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a complaint received through any channel.
 *
 * @param reporter null when the reporter gave no identity
 * @param reporterRef the opaque reference published instead of the identity; null exactly when reporter is
 */
public record SubmitComplaint(
        @TargetAggregateIdentifier String complaintId,
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
