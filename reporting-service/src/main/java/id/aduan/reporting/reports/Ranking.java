package id.aduan.reporting.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.platform.web.NumberedPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Regions of one level, or agencies, ordered by one figure over a period: one page of them, in the
 * shape of every list (docs/api.md).
 *
 * @param within the region the ranking was limited to, or null
 * @param total how many regions or agencies had complaints in the period (every page together)
 */
public record Ranking(
        String metric,
        String level,
        String within,
        LocalDate from,
        LocalDate to,
        String order,
        int page,
        int size,
        long total,
        List<Row> items) implements NumberedPage<Ranking.Row> {

    /** {@code items} under the name it had before every list took one shape (docs/api.md); goes in v2. */
    @JsonProperty
    @Schema(deprecated = true, description = "The same as items; goes in v2.")
    public List<Row> rows() {
        return items;
    }

    public enum Level {
        PROVINCE, REGENCY, DISTRICT, AGENCY
    }

    /**
     * @param rank 1 for the first of the whole ranking, whatever the page
     * @param name the region's name; null for an agency and for a code the region list lacks
     * @param value the ranked figure; null when it has nothing to divide by
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(int rank, String code, String name, Double value, Figures figures) {
    }
}
