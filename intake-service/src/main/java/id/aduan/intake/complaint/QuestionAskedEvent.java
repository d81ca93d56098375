package id.aduan.intake.complaint;

import java.time.Instant;

/** The agency holding the complaint asked the reporter a question during follow-up. */
public record QuestionAskedEvent(String complaintId, String agencyCode, String question, Instant askedAt) {
}
