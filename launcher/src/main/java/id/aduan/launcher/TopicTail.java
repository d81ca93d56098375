package id.aduan.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code aduan watch [TOPIC...]}: prints every record on the topics, from the beginning and then as
 * they arrive, until Ctrl-C. Uses a consumer group of its own, so it takes nothing from the services.
 */
final class TopicTail {

    static final List<String> DEFAULT_TOPICS = List.of("aduan.complaints", "aduan.routing", "aduan.sla");

    private TopicTail() {
    }

    static void run(String bootstrapServers, List<String> topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "aduan-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            joinUninterruptibly(main);
        }, "aduan-watch-stop"));
        System.out.println("Watching " + String.join(", ", topics) + " on " + bootstrapServers + " (Ctrl-C stops)");
        try (consumer) {
            consumer.subscribe(topics);
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.printf("%s[%d]@%d key=%s %s%n", record.topic(), record.partition(), record.offset(),
                            record.key(), new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        } catch (WakeupException stop) {
            // Ctrl-C: leave quietly.
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException ignored) {
            // The JVM is exiting anyway.
        }
    }
}
