package id.aduan.platform.events;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes events as CloudEvents on their topic, keyed by their subject (also the event's
 * {@code partitionkey}). The SDK's Kafka binding writes the record: structured mode, the event in the
 * value and its {@code content-type} header, as every consumer reads it. The returned Mono completes
 * only once the broker acknowledged the write (idempotent producer, acks=all), so a caller that
 * waits for it never moves on past an event that was not stored.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;
    private final Consumer<Headers> traceContext;

    /**
     * @param traceContext writes the current trace context into a record's headers (W3C
     *        {@code traceparent}); done here rather than by the template's observation, which asks
     *        the broker for its cluster id on every send and so blocks while the broker is away
     */
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, String serviceName, Consumer<Headers> traceContext) {
        this.kafka = kafka;
        this.source = "/aduan/" + serviceName;
        this.traceContext = traceContext;
    }

    public Mono<Void> publish(String eventId, AduanEvent event) {
        EventEnvelope<AduanEvent> envelope = new EventEnvelope<>(eventId, source, event);
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(envelope.descriptor().topic().topicName(), envelope.subject())
                .writeStructured(CloudEventCodec.toCloudEvent(envelope), CloudEventCodec.FORMAT);
        // Taken now, where the caller's trace is current; the send may run on another thread.
        traceContext.accept(record.headers());
        return Mono.fromFuture(() -> kafka.send(record)).then();
    }
}
