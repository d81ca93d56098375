package id.aduan.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaKraftBrokerTest {

    private static final String TOPIC = "aduan.test";

    @TempDir
    Path dataDir;

    @Test
    void aProducedMessageIsConsumedBack() throws Exception {
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(dataDir, 0, 0)) {
            produce(broker, "ADU-3F7KQ9M2XD", "submitted");

            assertThat(consumeAll(broker)).containsExactly("ADU-3F7KQ9M2XD=submitted");
        }
    }

    @Test
    void aMessageSurvivesARestartOnTheSameDirectory() throws Exception {
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(dataDir, 0, 0)) {
            produce(broker, "ADU-3F7KQ9M2XD", "submitted");
        }

        try (KafkaKraftBroker restarted = KafkaKraftBroker.start(dataDir, 0, 0)) {
            assertThat(consumeAll(restarted)).containsExactly("ADU-3F7KQ9M2XD=submitted");
        }
    }

    @Test
    void aTakenPortFailsTheStartWithAPlainMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaKraftBroker.start(dataDir, taken.getLocalPort(), 0))
                    .hasMessageContaining("port " + taken.getLocalPort() + " for Kafka is already in use");
        }
    }

    private static void produce(KafkaKraftBroker broker, String key, String value) throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the start with a fresh consumer group until one record arrives. */
    private static List<String> consumeAll(KafkaKraftBroker broker) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
        }
        return received;
    }
}
