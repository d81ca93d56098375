package id.aduan.intake.complaint;

import java.time.Instant;

/** The reporter was not satisfied.
 *
 * @param reopening 1 or 2
 * @param comment the reporter's, or null; stays in intake */
public record ComplaintReopenedEvent(
        String complaintId, int reopening, String comment, Instant reopenedAt) {
}
