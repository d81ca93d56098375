package id.aduan.reporting.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one scope (the nation, a region or an agency) over the complaints received in a
 * period, and the same figures broken down by channel, category, classification, the next finer
 * region level and, when asked for, by day, month, quarter or year.
 *
 * @param from first day counted, in the scope's zone; null for no lower bound
 * @param to last day counted, in the scope's zone; null for no upper bound
 * @param byRegion by the region level below the scope's: provinces nationally and for a central agency,
 *     regencies/cities in a province, districts in a regency/city; {@code UNSPECIFIED} for complaints
 *     located less precisely than that level
 * @param byPeriod present only when an interval was asked for
 * @param regionNames the name of each region {@code byRegion} lists (Kemendagri 2025); a code the list lacks has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        Scope scope,
        LocalDate from,
        LocalDate to,
        @JsonUnwrapped Figures figures,
        Map<String, Figures> byChannel,
        Map<String, Figures> byCategory,
        Map<String, Figures> byClassification,
        Map<String, Figures> byRegion,
        Map<String, Figures> byPeriod,
        Map<String, String> regionNames) {

    /**
     * Whose report it is.
     *
     * @param level NATIONAL, PROVINCE, REGENCY, DISTRICT or AGENCY
     * @param name the region's name, Indonesia nationally; null for an agency (agency names are routing's)
     * @param zone the zone the period's days are counted in; null nationally, where each complaint
     *     counts in the zone of the province it is about
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Scope(String level, String code, String name, String zone) {
    }
}
