package id.aduan.reporting.metrics;

import static com.mongodb.client.model.Aggregates.facet;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.unwind;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Facet;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.complaints.Tally;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Prometheus gauges of every agency's and the nation's standing over all complaints in the read
 * model (docs/metrics.md, "Prometheus"), recomputed from it in one pass every refresh interval when
 * this instance changed it, and every fourth interval in any case. Labels stay bounded: agency, its level and province (about 700 agencies), a status;
 * never a complaint.
 */
public class PerformanceGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PerformanceGauges.class);

    /** The national gauge {@code aduan_complaints{status}}: statuses and the tally field each shows. */
    private static final Map<String, Function<Tally, Long>> STATUSES = Map.of(
            "received", Tally::received,
            "verified", Tally::verified,
            "archived", Tally::archived,
            "in_process", Tally::inProcess,
            "open", Tally::open,
            "completed", Tally::completed,
            "overdue", Tally::overdue);

    private static final int REFRESH_AT_LEAST_EVERY = 4;
    /** Idle time after a refresh, in multiples of its duration. */
    private static final int IDLE_FACTOR = 9;

    private final ComplaintReadModel readModel;
    private final IndonesianRegions provinces;
    private final List<AgencyGauge> agencyGauges;
    private final MultiGauge national;
    private final AtomicLong coordinatorsOverdue = new AtomicLong();
    private long refreshedAtChange = -1;
    private int unchangedTicks;
    private Disposable schedule;

    /** One per-agency gauge: its value for an agency's summed tally, none where it has nothing to divide by. */
    private record AgencyGauge(MultiGauge gauge, ToDoubleFunction<Tally> value) {
    }

    public PerformanceGauges(ComplaintReadModel readModel, IndonesianRegions provinces, MeterRegistry meters) {
        this.readModel = readModel;
        this.provinces = provinces;
        this.agencyGauges = List.of(
                agencyGauge(meters, "aduan.agency.open.complaints", "Complaints the agency holds, not completed or archived",
                        Tally::open),
                agencyGauge(meters, "aduan.agency.overdue.complaints", "Complaints whose follow-up clock of the agency is overdue",
                        Tally::overdue),
                agencyGauge(meters, "aduan.agency.verified.complaints", "Verified complaints the agency holds",
                        Tally::verified),
                agencyGauge(meters, "aduan.agency.completed.complaints", "Completed complaints the agency holds",
                        Tally::completed),
                agencyGauge(meters, "aduan.agency.completion.rate", "Completed ÷ verified complaints the agency holds",
                        tally -> tally.verified() == 0 ? Double.NaN : (double) tally.completed() / tally.verified()),
                agencyGauge(meters, "aduan.agency.follow.up.working.days",
                        "Working days from disposition to first follow-up, summed over the agency's measured clocks",
                        Tally::followUpWorkingDays),
                agencyGauge(meters, "aduan.agency.follow.ups.measured",
                        "Follow-up clocks of the agency stopped by its first follow-up", Tally::followUpsMeasured),
                agencyGauge(meters, "aduan.agency.follow.up.working.days.average",
                        "Average working days from disposition to first follow-up",
                        tally -> tally.followUpsMeasured() == 0 ? Double.NaN
                                : (double) tally.followUpWorkingDays() / tally.followUpsMeasured()),
                agencyGauge(meters, "aduan.agency.ratings", "Ratings of the completed complaints the agency holds",
                        Tally::ratings),
                agencyGauge(meters, "aduan.agency.rating.points", "The 1-5 scores of those ratings, summed",
                        Tally::ratingPoints),
                agencyGauge(meters, "aduan.agency.satisfaction", "Average 1-5 rating of the complaints the agency holds",
                        tally -> tally.ratings() == 0 ? Double.NaN : (double) tally.ratingPoints() / tally.ratings()));
        this.national = MultiGauge.builder("aduan.complaints")
                .description("Complaints in the read model by status, nationally")
                .register(meters);
        Gauge.builder("aduan.coordinators.overdue.complaints", coordinatorsOverdue, AtomicLong::get)
                .description("Complaints whose verification clock (the national coordinators') is overdue")
                .register(meters);
    }

    private static AgencyGauge agencyGauge(MeterRegistry meters, String name, String description, ToDoubleFunction<Tally> value) {
        return new AgencyGauge(MultiGauge.builder(name).description(description).register(meters), value);
    }

    /**
     * Refreshes now, then on a background thread while the read model changes: at most every
     * {@code interval}, and never sooner than {@value #IDLE_FACTOR} times the last refresh's own
     * duration after it ended, so that however large the read model grows, its one pass over the
     * complaints takes at most a tenth of the time.
     */
    public void start(Duration interval) {
        schedule = Mono.defer(() -> {
                    long started = System.nanoTime();
                    return refreshIfChanged()
                            .onErrorResume(e -> {
                                log.warn("Could not refresh the performance gauges: {}", e.toString());
                                return Mono.empty();
                            })
                            .then(Mono.fromSupplier(() -> Duration.ofNanos(System.nanoTime() - started)));
                })
                .flatMap(took -> Mono.delay(max(interval, took.multipliedBy(IDLE_FACTOR)), Schedulers.boundedElastic()))
                .repeat()
                .subscribe();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Another instance may change the read model too (each consumes some partitions), so even when
     * this one changed nothing, the gauges are refreshed every {@value #REFRESH_AT_LEAST_EVERY} ticks.
     */
    Mono<Void> refreshIfChanged() {
        long changes = readModel.changes();
        if (changes == refreshedAtChange && ++unchangedTicks < REFRESH_AT_LEAST_EVERY) {
            return Mono.empty();
        }
        return refresh().doOnSuccess(done -> {
            refreshedAtChange = changes;
            unchangedTicks = 0;
        });
    }

    /**
     * One aggregation, one pass over the collection: the per-agency sums, the national sum and the
     * count of overdue verification clocks as three facets of it (all-time figures have no index to
     * narrow them; the pass is bounded in frequency instead, see {@link #start}).
     */
    public Mono<Void> refresh() {
        Bson counted = match(eq("counted", true));
        return Mono.from(readModel.collection().aggregate(List.of(facet(
                        new Facet("agencies", counted, unwind("$agencies"), group("$agencies.agency", sums("$agencies.tally."))),
                        new Facet("nation", counted, group(null, sums("$tally."))),
                        new Facet("verificationOverdue", match(elemMatch("overdue", eq("kind", "VERIFICATION"))),
                                group(null, Accumulators.sum("count", 1)))))).first())
                .doOnNext(all -> {
                    List<Document> agencies = all.getList("agencies", Document.class);
                    for (AgencyGauge gauge : agencyGauges) {
                        List<MultiGauge.Row<?>> rows = new ArrayList<>();
                        for (Document group : agencies) {
                            double value = gauge.value().applyAsDouble(Tally.fromDocument(group));
                            if (!Double.isNaN(value)) {
                                rows.add(MultiGauge.Row.of(agencyTags(group.getString("_id")), value));
                            }
                        }
                        gauge.gauge().register(rows, true);
                    }
                    Tally nation = all.getList("nation", Document.class).stream().findFirst().map(Tally::fromDocument)
                            .orElse(Tally.ZERO);
                    national.register(STATUSES.entrySet().stream()
                            .map(status -> MultiGauge.Row.of(Tags.of("status", status.getKey()), status.getValue().apply(nation)))
                            .map(row -> (MultiGauge.Row<?>) row)
                            .toList(), true);
                    coordinatorsOverdue.set(all.getList("verificationOverdue", Document.class).stream().findFirst()
                            .map(count -> count.get("count", Number.class).longValue()).orElse(0L));
                })
                .then();
    }

    private Tags agencyTags(String code) {
        AgencyCode agency = AgencyCode.parse(code);
        String province = agency.province() == null ? "central" : agency.province();
        return Tags.of("agency", code, "level", agency.level().name().toLowerCase(),
                "province", province,
                "province_name", provinces.name(agency.province()).orElse(agency.province() == null ? "Pusat" : province));
    }

    private static List<BsonField> sums(String prefix) {
        return Tally.FIELDS.stream().map(field -> Accumulators.sum(field, prefix + field)).toList();
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
