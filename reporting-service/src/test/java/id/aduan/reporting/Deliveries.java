package id.aduan.reporting;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.Infrastructure;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on their topics through one producer, in the order given, as the other services would. */
public final class Deliveries {

    private Deliveries() {
    }

    public static List<EventEnvelope<AduanEvent>> envelopes(Collection<? extends AduanEvent> events) {
        return events.stream().map(event -> Complaints.<AduanEvent>envelope(event)).toList();
    }

    public static void deliver(Collection<EventEnvelope<AduanEvent>> envelopes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope<AduanEvent> envelope : envelopes) {
                producer.send(new ProducerRecord<>(envelope.descriptor().topic().topicName(), envelope.subject(),
                        CloudEventCodec.encode(envelope))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
