package id.aduan.intake.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each of intake's processors is behind the event store, and how many complaints it parked, for
 * Prometheus (docs/metrics.md, "Intake's processors"): a publisher that stopped publishing shows as an
 * oldest unprocessed event growing older. Read from the tokens every instance shares, so each instance
 * reports the same figures; refreshed by {@link #refresh()} on a schedule, never on the scrape's thread.
 */
@Component
class ProcessorLag {

    private final JdbcTemplate jdbc;
    private final Serializer tokens;
    private final ParkedComplaints parked;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    ProcessorLag(JdbcTemplate jdbc, Serializer serializer, ParkedComplaints parked, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = serializer;
        this.parked = parked;
        this.registry = registry;
        this.clock = clock;
    }

    /** One processor's figures, as the gauges read them. */
    private record Figures(AtomicLong events, AtomicLong oldestAgeSeconds, AtomicLong parkedComplaints, AtomicLong parkedEvents) {

        static Figures register(MeterRegistry registry, String processor) {
            Figures figures = new Figures(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
            Gauge.builder("aduan.intake.processor.lag.events", figures.events, AtomicLong::get).tag("processor", processor)
                    .description("Events in the event store the processor's slowest segment has not handled yet").register(registry);
            Gauge.builder("aduan.intake.processor.oldest.unprocessed.age.seconds", figures.oldestAgeSeconds, AtomicLong::get)
                    .tag("processor", processor)
                    .description("Age of the oldest event the processor has not handled yet; 0 when it is up to date").register(registry);
            Gauge.builder("aduan.intake.processor.parked.complaints", figures.parkedComplaints, AtomicLong::get).tag("processor", processor)
                    .description("Complaints parked in the processor's dead-letter queue").register(registry);
            Gauge.builder("aduan.intake.processor.parked.events", figures.parkedEvents, AtomicLong::get).tag("processor", processor)
                    .description("Events parked in the processor's dead-letter queue, the failed ones and those queued behind them")
                    .register(registry);
            return figures;
        }
    }

    void refresh() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        parked.queues().forEach((processor, queue) -> {
            Figures current = figures.computeIfAbsent(processor, name -> Figures.register(registry, name));
            OptionalLong position = slowestPosition(processor);
            long behind = head == null ? 0 : Math.max(0, head - position.orElse(0));
            current.events().set(behind);
            current.oldestAgeSeconds().set(behind == 0 ? 0 : oldestAfter(position.orElse(0)));
            current.parkedComplaints().set(queue.amountOfSequences());
            current.parkedEvents().set(queue.size());
        });
    }

    /** The lowest position of the processor's segments; empty before any token (nothing handled yet). */
    private OptionalLong slowestPosition(String processor) {
        List<OptionalLong> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, i) -> {
                    byte[] token = row.getBytes(1);
                    String type = row.getString(2);
                    if (token == null || type == null) {
                        return OptionalLong.empty();
                    }
                    TrackingToken tracking = tokens.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    return tracking == null ? OptionalLong.empty() : tracking.position();
                }, processor);
        long slowest = Long.MAX_VALUE;
        for (OptionalLong position : positions) {
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            slowest = Math.min(slowest, position.getAsLong());
        }
        return positions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(slowest);
    }

    private long oldestAfter(long position) {
        List<String> stamps = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1", String.class, position);
        return stamps.isEmpty() ? 0 : Math.max(0, Duration.between(Instant.parse(stamps.get(0)), clock.instant()).toSeconds());
    }
}
