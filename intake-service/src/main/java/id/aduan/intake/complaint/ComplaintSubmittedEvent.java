package id.aduan.intake.complaint;

import java.time.Instant;

/**
 * Intake's own record that a complaint was submitted, as stored in the event store. Unlike the
 * public {@link id.aduan.contracts.ComplaintSubmitted} it holds the reporter's identity, encrypted
 * with the reporter's key: the event store never holds it in plain text, and erasing the key makes
 * it unreadable for good (docs/personal-data.md).
 *
 * @param reporter the sealed identity; null when the reporter gave none
 * @param reporterRef the opaque reference published instead of the identity; null exactly when reporter is
 * @param reporterSecretHash the SHA-256 hash of the {@link ReporterSecret} handed to the reporter; null in
 *     imported complaints and events stored before secrets existed, whose complaints no reporter can prove to own
 */
public record ComplaintSubmittedEvent(
        String complaintId, Submission submission, Instant submittedAt, SealedReporter reporter, String reporterRef,
        String reporterSecretHash) {
}
