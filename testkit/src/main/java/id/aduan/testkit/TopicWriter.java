package id.aduan.testkit;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records straight to a topic, as another service (or a broken producer) would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    public static void send(EventEnvelope<? extends AduanEvent> envelope) {
        send(envelope, Map.of());
    }

    /** With these record headers, such as a W3C {@code traceparent}. */
    public static void send(EventEnvelope<? extends AduanEvent> envelope, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.descriptor().topic().topicName(),
                envelope.subject(), CloudEventCodec.encode(envelope));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    public static void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
