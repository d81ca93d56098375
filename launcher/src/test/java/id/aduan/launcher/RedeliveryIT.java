package id.aduan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import id.aduan.localinfra.LocalPorts;
import id.aduan.testkit.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./aduan redeliver}: a service's consumer groups get every event since a moment again; other groups keep their place. */
class RedeliveryIT {

    private static final String MODULE = "stub-service";

    @TempDir
    Path home;

    @Test
    void everyEventSinceTheMomentIsDeliveredAgainToTheServiceAlone() throws Exception {
        String kafka = Infrastructure.shared().kafkaBootstrapServers();
        String topic = "redelivery-" + UUID.randomUUID();
        Instant since = Instant.now().minusSeconds(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                    new StringSerializer(), new StringSerializer())) {
                for (int n = 0; n < 10; n++) {
                    // Four before the moment, six after it.
                    long timestamp = (n < 4 ? since.minusSeconds(30) : since.plusSeconds(n)).toEpochMilli();
                    producer.send(new ProducerRecord<>(topic, n % 2, timestamp, "complaint-" + n, "event " + n)).get();
                }
            }
            for (String group : List.of(MODULE, MODULE + "-agency-feed", "another-service")) {
                consumeEverything(kafka, topic, group);
            }
            ServiceProcessesTest.writeStubJar(home.resolve(MODULE).resolve("target").resolve(MODULE + ".jar"));
            ServiceSpec spec = new ServiceSpec(MODULE, LocalPorts.free(), Map.of());

            List<String> moved;
            try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), home.resolve("logs"), Duration.ofSeconds(60))) {
                moved = Redelivery.rewind(kafka, MODULE, since, services);
                assertThat(services.status()).singleElement().asString().startsWith(MODULE);
            }

            assertThat(moved).containsExactly(MODULE + " 6 events", MODULE + "-agency-feed 6 events");
            assertThat(committed(admin, MODULE)).isEqualTo(4);
            assertThat(committed(admin, MODULE + "-agency-feed")).isEqualTo(4);
            assertThat(committed(admin, "another-service")).isEqualTo(10);
        }
    }

    private static void consumeEverything(String kafka, String topic, String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read < 10 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(read).isEqualTo(10);
            consumer.commitSync();
        }
    }

    /** The sum of the group's committed offsets: how many events it has moved past. */
    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
}
