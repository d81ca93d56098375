package id.aduan.reporting.publicstatistics;

import id.aduan.reporting.complaints.Tally;
import id.aduan.reporting.publicstatistics.PublicStatistics.Bucket;
import id.aduan.reporting.publicstatistics.PublicStatistics.Satisfaction;
import id.aduan.reporting.publicstatistics.PublicStatistics.Shown;
import id.aduan.reporting.publicstatistics.PublicStatistics.Withheld;
import id.aduan.reporting.reports.Figures;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What of a report may be published (docs/metrics.md, "Public statistics"): no figure resting on
 * fewer than {@value #MINIMUM} complaints, neither directly nor by subtracting the published groups
 * of a breakdown from its total.
 */
final class Suppression {

    static final int MINIMUM = 5;

    static final String NOTE = "Figures over fewer than " + MINIMUM + " complaints are withheld: a group of fewer than "
            + MINIMUM + " complaints shows only \"suppressed\": true, and a rate or average resting on fewer than " + MINIMUM
            + " complaints (verified, follow-ups measured, ratings) is null. Where subtracting the published groups from the"
            + " total would reveal fewer than " + MINIMUM + " complaints, the next smallest group (or its rate or average) is"
            + " withheld too. Counts only: no complaint's text, id or reporter is ever published.";

    /** The number of complaints each published figure rests on: the group itself, then each rate's or average's own. */
    enum Base {
        GROUP(Tally::received),
        COMPLETION(Tally::verified),
        FOLLOW_UP(Tally::followUpsMeasured),
        SATISFACTION(Tally::ratings);

        private final ToLongFunction<Tally> count;

        Base(ToLongFunction<Tally> count) {
            this.count = count;
        }

        long of(Figures figures) {
            return count.applyAsLong(figures.counts());
        }
    }

    private Suppression() {
    }

    /** The scope's own figures: nothing to subtract them from, so only the smallness rule applies. */
    static Bucket total(Figures figures, String name) {
        return bucket(name, figures, base -> base.of(figures) < MINIMUM);
    }

    /**
     * A breakdown, every group of it present in {@code groups} (a group without complaints has
     * {@link Figures#NONE}), in the map's order.
     */
    static Map<String, Bucket> breakdown(Map<String, Figures> groups, Function<String, String> names) {
        Map<Base, Set<String>> withheld = new EnumMap<>(Base.class);
        Set<String> groupsWithheld = withheld(groups, Base.GROUP, Set.of());
        for (Base base : Base.values()) {
            withheld.put(base, base == Base.GROUP ? groupsWithheld : withheld(groups, base, groupsWithheld));
        }
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        groups.forEach((key, figures) -> buckets.put(key, bucket(names.apply(key), figures, base -> withheld.get(base).contains(key))));
        return buckets;
    }

    /**
     * The groups whose figure on this base is withheld: those already withheld whole, those resting
     * on fewer than the minimum, and, when together these hold between 1 and {@code MINIMUM - 1}
     * complaints (the total minus the published groups would reveal them), the smallest other group.
     */
    static Set<String> withheld(Map<String, Figures> groups, Base base, Set<String> already) {
        Set<String> withheld = new TreeSet<>(already);
        groups.forEach((key, figures) -> {
            if (base.of(figures) < MINIMUM) {
                withheld.add(key);
            }
        });
        long hidden = withheld.stream().mapToLong(key -> base.of(groups.get(key))).sum();
        if (hidden > 0 && hidden < MINIMUM) {
            groups.entrySet().stream()
                    .filter(group -> !withheld.contains(group.getKey()))
                    .min(Comparator.<Map.Entry<String, Figures>>comparingLong(group -> base.of(group.getValue()))
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(group -> withheld.add(group.getKey()));
        }
        return withheld;
    }

    private static Bucket bucket(String name, Figures figures, Predicate<Base> withheld) {
        if (withheld.test(Base.GROUP)) {
            return new Withheld(name, true);
        }
        Tally counts = figures.counts();
        return new Shown(name, false, counts.received(), counts.completed(),
                withheld.test(Base.COMPLETION) ? null : figures.completionRate(),
                withheld.test(Base.FOLLOW_UP) ? null : figures.averageFollowUpWorkingDays(),
                new Satisfaction(counts.ratings(), withheld.test(Base.SATISFACTION) ? null : figures.satisfaction()));
    }
}
