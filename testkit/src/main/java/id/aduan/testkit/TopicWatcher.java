package id.aduan.testkit;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning with a consumer group of its own, as an agency's system or an
 * operator would, and waits for the records a test expects.
 */
public final class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicWatcher(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    public static TopicWatcher watch(Topic... topics) {
        return watch(Arrays.stream(topics).map(Topic::topicName).toArray(String[]::new));
    }

    public static TopicWatcher watch(String... topics) {
        return new TopicWatcher(Infrastructure.shared().kafkaBootstrapServers(), List.of(topics));
    }

    /** Watches a broker other than the shared one. */
    public static TopicWatcher on(String bootstrapServers, Topic... topics) {
        return new TopicWatcher(bootstrapServers, Arrays.stream(topics).map(Topic::topicName).toList());
    }

    /** The first event of this type about this subject (a complaint id), waiting up to the timeout for it. */
    @SuppressWarnings("unchecked")
    public <T extends AduanEvent> EventEnvelope<T> awaitEvent(Class<T> type, String subject, Duration timeout) {
        ConsumerRecord<String, byte[]> record = awaitRecord(r -> subject.equals(r.key())
                && type.isInstance(CloudEventCodec.decode(r.value()).data()), timeout);
        return (EventEnvelope<T>) CloudEventCodec.decode(record.value());
    }

    /** Every event about this subject (a complaint id) seen so far, after polling for the given time. */
    public List<EventEnvelope<?>> eventsAbout(String subject, Duration pollFor) {
        return events(pollFor).stream().filter(envelope -> subject.equals(envelope.subject())).toList();
    }

    /** Every event seen so far, after polling for the given time. */
    public List<EventEnvelope<?>> events(Duration pollFor) {
        poll(pollFor);
        return seen.stream().<EventEnvelope<?>>map(r -> CloudEventCodec.decode(r.value())).toList();
    }

    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (wanted.test(record)) {
                    return record;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + " among " + seen.size() + " seen");
            }
            poll(Duration.ofMillis(200));
        }
    }

    private void poll(Duration duration) {
        consumer.poll(duration).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
