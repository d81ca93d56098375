package id.aduan.reporting.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.aduan.reporting.complaints.Tally;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's figures: the summed tally of its complaints and the rates and averages derived from it
 * (docs/metrics.md). A rate or an average with nothing to divide by is null, never zero. Rates are
 * rounded half up to 4 decimals, averages to 2; the sums beside them give the exact values.
 *
 * @param completionRate completed ÷ verified
 * @param averageFollowUpWorkingDays followUpWorkingDays ÷ followUpsMeasured
 * @param averageVerificationWorkingDays verificationWorkingDays ÷ verificationsMeasured
 * @param averageCompletionDays completionSeconds ÷ completionsMeasured, in days of 86,400 s
 * @param slaCompliance clocksMet ÷ clocksStopped
 * @param satisfaction ratingPoints ÷ ratings: the average 1-5 rating
 */
public record Figures(
        @JsonUnwrapped Tally counts,
        Double completionRate,
        Double averageFollowUpWorkingDays,
        Double averageVerificationWorkingDays,
        Double averageCompletionDays,
        Double slaCompliance,
        Double satisfaction) {

    private static final List<String> DERIVED = List.of(
            "completionRate", "averageFollowUpWorkingDays", "averageVerificationWorkingDays", "averageCompletionDays",
            "slaCompliance", "satisfaction");

    /** Every figure a ranking may order by: the counts and the derived ones. */
    public static final List<String> METRICS = concat(Tally.FIELDS, DERIVED);

    public static final Figures NONE = of(Tally.ZERO);

    public static Figures of(Tally tally) {
        return new Figures(tally,
                ratio(tally.completed(), tally.verified(), 4),
                ratio(tally.followUpWorkingDays(), tally.followUpsMeasured(), 2),
                ratio(tally.verificationWorkingDays(), tally.verificationsMeasured(), 2),
                ratio(tally.completionSeconds(), tally.completionsMeasured() * 86_400L, 2),
                ratio(tally.clocksMet(), tally.clocksStopped(), 4),
                ratio(tally.ratingPoints(), tally.ratings(), 2));
    }

    public Figures plus(Figures other) {
        return of(counts.plus(other.counts));
    }

    /** The figure of this name, as a number (null for a rate or average with nothing to divide by). */
    public Double metric(String name) {
        int derived = DERIVED.indexOf(name);
        if (derived >= 0) {
            return derivedValues().get(derived);
        }
        int counted = Tally.FIELDS.indexOf(name);
        if (counted < 0) {
            throw new IllegalArgumentException("no figure named " + name);
        }
        return (double) counts.values()[counted];
    }

    /** Every figure in {@link #METRICS} order: the columns of a CSV export. */
    @JsonIgnore
    public List<Object> values() {
        List<Object> values = new ArrayList<>();
        for (long count : counts.values()) {
            values.add(count);
        }
        values.addAll(derivedValues());
        return values;
    }

    private List<Double> derivedValues() {
        List<Double> values = new ArrayList<>();
        values.add(completionRate);
        values.add(averageFollowUpWorkingDays);
        values.add(averageVerificationWorkingDays);
        values.add(averageCompletionDays);
        values.add(slaCompliance);
        values.add(satisfaction);
        return values;
    }

    private static Double ratio(long numerator, long denominator, int decimals) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
