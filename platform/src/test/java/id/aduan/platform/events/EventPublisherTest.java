package id.aduan.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.EventEnvelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

class EventPublisherTest {

    private static final String COMPLAINT = "ADU-3F7KQ9M2XD";

    @Test
    @SuppressWarnings("unchecked")
    void writesAStructuredCloudEventKeyedAndPartitionedByTheComplaint() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        ComplaintRated rated = new ComplaintRated(COMPLAINT, 5, Instant.parse("2026-03-20T02:00:00Z"));

        new EventPublisher(kafka, "intake-service",
                headers -> headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8)))
                .publish("evt-1", rated).block();

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        ProducerRecord<String, byte[]> record = sent.getValue();
        assertThat(record.topic()).isEqualTo("aduan.complaints");
        assertThat(record.key()).isEqualTo(COMPLAINT);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        assertThat(record.headers().lastHeader("traceparent")).isNotNull();

        // What Aduan's consumers read, and the dead-letter tooling lists: the whole event in the value.
        assertThat(CloudEventCodec.decode(record.value())).isEqualTo(new EventEnvelope<>("evt-1", "/aduan/intake-service", rated));
        // What another system reading the topic with the SDK's Kafka deserializer gets.
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            CloudEvent event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            assertThat(event.getType()).isEqualTo("aduan.complaint.rated.v1");
            assertThat(event.getSubject()).isEqualTo(COMPLAINT);
            assertThat(event.getExtension(CloudEventCodec.PARTITION_KEY)).isEqualTo(COMPLAINT);
        }
    }
}
