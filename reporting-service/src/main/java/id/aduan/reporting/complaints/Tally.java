package id.aduan.reporting.complaints;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/**
 * Counts and sums about complaints that add up: one complaint's contribution to a scope (the nation,
 * or one agency) is a tally of ones, zeros and its measures, and a report's figures are the sum of
 * its complaints' tallies, from which {@link Figures} derives rates and averages. docs/metrics.md
 * defines each field.
 */
public record Tally(
        long received,
        long verified,
        long archived,
        long routedIn,
        long forwardedOut,
        long followedUp,
        long completed,
        long inProcess,
        long open,
        long overdue,
        long followUpWorkingDays,
        long followUpsMeasured,
        long verificationWorkingDays,
        long verificationsMeasured,
        long completionSeconds,
        long completionsMeasured,
        long clocksStopped,
        long clocksMet,
        long ratings,
        long ratingPoints) {

    /** The field names, in declaration order: the keys of a stored tally and the columns of a CSV export. */
    public static final List<String> FIELDS =
            Arrays.stream(Tally.class.getRecordComponents()).map(RecordComponent::getName).toList();

    public static final Tally ZERO = of(new long[FIELDS.size()]);

    public Tally plus(Tally other) {
        long[] mine = values();
        long[] theirs = other.values();
        for (int i = 0; i < mine.length; i++) {
            mine[i] += theirs[i];
        }
        return of(mine);
    }

    public Document toDocument() {
        Document document = new Document();
        long[] values = values();
        for (int i = 0; i < values.length; i++) {
            document.append(FIELDS.get(i), values[i]);
        }
        return document;
    }

    /** A stored or aggregated tally; a field it lacks counts zero ({@code $sum} answers an int or a long). */
    public static Tally fromDocument(Document document) {
        long[] values = new long[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            Number value = document.get(FIELDS.get(i), Number.class);
            values[i] = value == null ? 0 : value.longValue();
        }
        return of(values);
    }

    /** The fields' values in {@link #FIELDS} order. */
    public long[] values() {
        try {
            long[] values = new long[FIELDS.size()];
            RecordComponent[] components = Tally.class.getRecordComponents();
            for (int i = 0; i < values.length; i++) {
                values[i] = (long) components[i].getAccessor().invoke(this);
            }
            return values;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Tally of(long[] values) {
        try {
            Class<?>[] types = new Class<?>[values.length];
            Arrays.fill(types, long.class);
            Constructor<Tally> constructor = Tally.class.getDeclaredConstructor(types);
            return constructor.newInstance(Arrays.stream(values).boxed().toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
