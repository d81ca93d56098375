package id.aduan.sla.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.Topic;
import id.aduan.platform.events.EventPublisher;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TopicWatcher;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event published while a trace is current carries it in its record's headers, so the trace
 * begun at the gateway reaches the services that consume the event (whose binders continue it).
 */
@AduanServiceTest
class TraceThroughKafkaIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    EventPublisher publisher;
    @Autowired
    Tracer tracer;
    @Autowired
    Propagator propagator;

    @Test
    void anEventPublishedWithinATraceCarriesItsTraceparent() {
        String id = ComplaintIds.next();
        Map<String, String> incoming = Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        Span span = propagator.extract(incoming, Map::get).name("handle").start();
        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                publisher.publish(UUID.randomUUID().toString(),
                        new SlaClockPaused(id, "clk-trace", ClockKind.VERIFICATION, null, Instant.now())).block(Duration.ofSeconds(30));
            } finally {
                span.end();
            }

            ConsumerRecord<String, byte[]> published = sla.awaitRecord(record -> id.equals(record.key()), Duration.ofSeconds(30));
            Header traceparent = published.headers().lastHeader("traceparent");
            assertThat(traceparent).isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE_ID + "-");
        }
    }
}
