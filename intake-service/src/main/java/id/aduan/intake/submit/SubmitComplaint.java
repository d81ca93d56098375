package id.aduan.intake.submit;

import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a complaint received through any channel.
 *
 * @param reporter null when the reporter gave no identity
 * @param reporterRef the opaque reference published instead of the identity; null exactly when reporter is
 * @param reporterSecretHash the SHA-256 hash of the secret handed to the reporter, who proves ownership with it
 */
public record SubmitComplaint(
        @TargetAggregateIdentifier String complaintId,
        Submission submission,
        Instant submittedAt,
        Reporter reporter,
        String reporterRef,
        String reporterSecretHash) {
}
