package id.aduan.reporting.publicstatistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The statistics anyone may read (docs/metrics.md, "Public statistics"): one year of the nation, a
 * province or a regency/city, overall and by month, category, channel and the next region level.
 * Counts of complaints and figures about them only, never a complaint's text or id; a figure over
 * fewer than {@link Suppression#MINIMUM} complaints is withheld and marked so.
 *
 * @param minimumComplaints the fewest complaints any published figure rests on
 * @param note the rule, in words, for whoever reads the answer
 * @param generatedAt when these figures were computed; answers are cached for a few minutes
 * @param byRegion provinces nationally, regencies/cities in a province; empty for a regency/city
 */
public record PublicStatistics(
        Scope scope,
        int year,
        Instant generatedAt,
        int minimumComplaints,
        String note,
        Bucket total,
        Map<String, Bucket> byMonth,
        Map<String, Bucket> byCategory,
        Map<String, Bucket> byChannel,
        Map<String, Bucket> byRegion) {

    /** @param level NATIONAL, PROVINCE or REGENCY; {@code code} is null nationally */
    public record Scope(String level, String code, String name) {
    }

    /** One group of complaints: its figures, or only the mark that they are withheld. */
    public sealed interface Bucket permits Shown, Withheld {

        boolean suppressed();
    }

    /**
     * @param name the category's or region's name; absent for months and channels
     * @param completionRate completed ÷ verified; null when fewer than 5 were verified, or withheld beside a small group
     * @param averageFollowUpWorkingDays over the follow-ups measured; null when fewer than 5, or withheld beside a small group
     */
    public record Shown(
            @JsonInclude(JsonInclude.Include.NON_NULL) String name,
            boolean suppressed,
            long received,
            long completed,
            Double completionRate,
            Double averageFollowUpWorkingDays,
            Satisfaction satisfaction) implements Bucket {
    }

    /** Fewer than 5 complaints, or withheld so that a smaller group cannot be worked out by subtraction. */
    public record Withheld(@JsonInclude(JsonInclude.Include.NON_NULL) String name, boolean suppressed) implements Bucket {
    }

    /**
     * The reporters' ratings of completed complaints, 1 (poor) to 5 (excellent).
     *
     * @param averageRating null when fewer than 5 rated, or withheld beside a small group
     */
    public record Satisfaction(long ratings, Double averageRating) {
    }
}
