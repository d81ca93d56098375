package id.aduan.sla.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** A trace begun upstream (at the gateway) continues through this service into the events it publishes. */
@AduanServiceTest
// Spring Boot turns tracing off in tests unless asked; this test is about tracing.
@AutoConfigureObservability(metrics = false)
class TraceThroughKafkaIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void theEventsAComplaintCausesCarryTheTraceOfTheEventThatCausedThem() {
        String id = ComplaintIds.next();
        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            TopicWriter.send(Complaints.envelope(Complaints.submitted(id, null, Instant.now())),
                    Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

            ConsumerRecord<String, byte[]> started = sla.awaitRecord(record -> id.equals(record.key()), Duration.ofSeconds(30));
            Header traceparent = started.headers().lastHeader("traceparent");
            assertThat(traceparent).isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE_ID + "-");
        }
    }
}
