package id.aduan.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.web.i18n.Formats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of reporting's reports and rankings a person reads (docs/metrics.md, "The figures"); the sums
 * behind the averages are left out. Each is named on pages by {@code report.figure.<key>}.
 */
public enum Figure {
    RECEIVED("received", Kind.COUNT),
    VERIFIED("verified", Kind.COUNT),
    ARCHIVED("archived", Kind.COUNT),
    ROUTED_IN("routedIn", Kind.COUNT),
    FORWARDED_OUT("forwardedOut", Kind.COUNT),
    FOLLOWED_UP("followedUp", Kind.COUNT),
    COMPLETED("completed", Kind.COUNT),
    IN_PROCESS("inProcess", Kind.COUNT),
    OPEN("open", Kind.COUNT),
    OVERDUE("overdue", Kind.COUNT),
    COMPLETION_RATE("completionRate", Kind.RATE),
    AVERAGE_FOLLOW_UP_WORKING_DAYS("averageFollowUpWorkingDays", Kind.AVERAGE),
    AVERAGE_VERIFICATION_WORKING_DAYS("averageVerificationWorkingDays", Kind.AVERAGE),
    AVERAGE_COMPLETION_DAYS("averageCompletionDays", Kind.AVERAGE),
    SLA_COMPLIANCE("slaCompliance", Kind.RATE),
    SATISFACTION("satisfaction", Kind.AVERAGE);

    /** A rate is a fraction shown as a percentage; an average may be missing (null) when nothing was measured. */
    enum Kind { COUNT, RATE, AVERAGE }

    /** The columns of a breakdown table: what a row needs to compare agencies or regions at a glance. */
    public static final List<Figure> BREAKDOWN = List.of(RECEIVED, COMPLETED, COMPLETION_RATE, OVERDUE,
            AVERAGE_FOLLOW_UP_WORKING_DAYS, SATISFACTION);

    private final String key;
    private final Kind kind;

    Figure(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The figure's name in the API (a report's field, a ranking's {@code metric}). */
    public String key() {
        return key;
    }

    public static Optional<Figure> of(String key) {
        return Arrays.stream(values()).filter(figure -> figure.key.equals(key)).findFirst();
    }

    /** The figure in a report, ranking row or breakdown entry; null when the API has none (a rate over nothing). */
    public Double value(JsonNode figures) {
        JsonNode value = figures == null ? null : figures.get(key);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    /** As the page writes it: "12", "87,5%", "2,25"; an empty text when there is no figure, which the page names. */
    public String text(Double value, Formats formats, Locale locale) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> formats.number(value.longValue(), locale);
            case RATE -> formats.percent(value, locale);
            case AVERAGE -> formats.number(value, locale);
        };
    }

    public String text(JsonNode figures, Formats formats, Locale locale) {
        return text(value(figures), formats, locale);
    }
}
