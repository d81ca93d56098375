package id.aduan.platform.events;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes events as CloudEvents on their topic, keyed by complaint id. The returned Mono completes
 * only once the broker acknowledged the write (idempotent producer, acks=all), so a caller that
 * waits for it never moves on past an event that was not stored.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, String serviceName) {
        this.kafka = kafka;
        this.source = "/aduan/" + serviceName;
    }

    public Mono<Void> publish(String eventId, AduanEvent event) {
        EventEnvelope<AduanEvent> envelope = new EventEnvelope<>(eventId, source, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                envelope.descriptor().topic().topicName(), envelope.subject(), CloudEventCodec.encode(envelope));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Mono.fromFuture(() -> kafka.send(record)).then();
    }
}
