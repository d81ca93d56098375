package id.aduan.intake.complaint;

import java.time.Instant;

/** The assigned agency marked the complaint complete; the reporter may answer. */
public record ComplaintMarkedCompleteEvent(
        String complaintId, String agencyCode, Instant markedAt) {
}
