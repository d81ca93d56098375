package id.aduan.platform.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads a service's dead-letter topic from its beginning to its current end. The topic holds few
 * messages (each one a failure someone must look at), so every read takes them all, with one consumer
 * kept open (closing a consumer can wait for the broker) that joins no group and so commits nothing.
 */
final class DeadLetterTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper json;

    DeadLetterTopic(String topic, Map<String, Object> kafkaConsumerProperties, ObjectMapper json) {
        this.topic = topic;
        this.json = json;
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Reading must not create the topic: the binder does, with its settings, at the first dead letter.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, topic + "-reader");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    String name() {
        return topic;
    }

    /** Every letter on the topic, oldest first, none of them yet marked as re-driven. */
    synchronized List<DeadLetter> readAll() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        List<DeadLetter> letters = new ArrayList<>();
        if (partitions.isEmpty()) {
            return letters;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end within " + TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                    letters.add(letter(record));
                }
            }
        }
        return letters;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ZERO);
    }

    private DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        // Read leniently: a letter whose data no longer decodes still has the id, type and subject to act on.
        JsonNode event = cloudEvent(record.value());
        return new DeadLetter(record.partition(), record.offset(), text(event, "id"), text(event, "type"),
                event != null && event.hasNonNull("subject") ? event.get("subject").asText() : record.key(),
                string(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), integer(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET), string(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                string(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE), string(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                Instant.ofEpochMilli(record.timestamp()), null, record.value());
    }

    private JsonNode cloudEvent(byte[] value) {
        try {
            JsonNode node = value == null ? null : json.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode event, String field) {
        return event != null && event.hasNonNull(field) ? event.get(field).asText() : null;
    }

    private static String string(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static Integer integer(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value().length != Integer.BYTES ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value().length != Long.BYTES ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
