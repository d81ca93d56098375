package id.aduan.intake.complaint;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a complaint received through any channel.
 *
 * @param reporter the reporter's identity, already encrypted with their key; null when they gave none
 * @param reporterRef the opaque reference published instead of the identity; null exactly when reporter is
 * @param reporterSecretHash the SHA-256 hash of the secret handed to the reporter, who proves ownership with it
 */
public record SubmitComplaint(
        @TargetAggregateIdentifier String complaintId,
        Submission submission,
        Instant submittedAt,
        SealedReporter reporter,
        String reporterRef,
        String reporterSecretHash) {
}
