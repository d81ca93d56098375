package id.aduan.reporting.reports;

import java.time.Instant;
import java.util.List;

/**
 * One page of the complaints overdue now (docs/metrics.md, "overdue").
 *
 * @param agency the agency asked about, or null for all
 * @param total overdue complaints on every page together
 */
public record OverduePage(String agency, int page, int size, long total, List<Complaint> complaints) {

    /** @param agency the agency that holds it now */
    public record Complaint(String complaintId, String agency, String channel, String category, String regionCode,
            Instant submittedAt, List<Clock> overdueClocks) {
    }

    /** @param agency who must act; null for the national coordinators */
    public record Clock(String kind, String agency, Instant dueAt) {
    }
}
