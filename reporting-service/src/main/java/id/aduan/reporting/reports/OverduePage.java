package id.aduan.reporting.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.platform.web.NumberedPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One page of the complaints overdue now (docs/metrics.md, "overdue"), in the shape of every list
 * (docs/api.md).
 *
 * @param agency the agency asked about, or null for all
 * @param total overdue complaints on every page together
 */
public record OverduePage(String agency, int page, int size, long total, List<Complaint> items)
        implements NumberedPage<OverduePage.Complaint> {

    /** {@code items} under the name it had before every list took one shape (docs/api.md); goes in v2. */
    @JsonProperty
    @Schema(deprecated = true, description = "The same as items; goes in v2.")
    public List<Complaint> complaints() {
        return items;
    }

    /** @param agency the agency that holds it now */
    public record Complaint(String complaintId, String agency, String channel, String category, String regionCode,
            Instant submittedAt, List<Clock> overdueClocks) {
    }

    /** @param agency who must act; null for the national coordinators */
    public record Clock(String kind, String agency, Instant dueAt) {
    }
}
