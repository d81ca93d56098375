package id.aduan.reporting;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.ReferenceCsv;
import id.aduan.contracts.Topic;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * How fast the live consumer (inbox, read, write, inbox, per event; docs/metrics.md "Hot path")
 * brings the read model up to date with a burst of events on the topics. Not part of the build's
 * tests; run it with {@code ./mvnw -o verify -pl reporting-service -am -Dit.test=LiveConsumerBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * -Daduan.benchmark.events=50000}.
 *
 * <p>The same complaint lives as {@link RebuildBenchmark}, written as fast as the producer can while
 * the service consumes; the time is from the first send until the service's group has caught up.
 */
@AduanServiceTest
class LiveConsumerBenchmark {

    @Autowired
    MongoDatabase database;

    @Test
    void consumeABurstOfEvents() {
        int wanted = Integer.getInteger("aduan.benchmark.events", 50_000);
        List<String> provinces = ReferenceCsv.rows("reference/provinces-timezones.csv", 4).stream().map(row -> row[0]).toList();
        Random random = new Random(43);
        ConsumerGroups.awaitCaughtUp("reporting-service", Duration.ofMinutes(2), Topic.values());
        long started = System.nanoTime();
        int events = 0;
        int complaints = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            while (events < wanted) {
                List<AduanEvent> life = RebuildBenchmark.life(random, provinces);
                for (AduanEvent event : life) {
                    EventEnvelope<AduanEvent> envelope = Complaints.envelope(event);
                    producer.send(new ProducerRecord<>(envelope.descriptor().topic().topicName(), envelope.subject(),
                            CloudEventCodec.encode(envelope)));
                }
                events += life.size();
                complaints++;
            }
            producer.flush();
        }
        Duration produced = Duration.ofNanos(System.nanoTime() - started);
        ConsumerGroups.awaitCaughtUp("reporting-service", Duration.ofHours(1), Topic.values());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long stored = Mono.from(database.getCollection(ComplaintReadModel.COLLECTION).countDocuments()).block();
        System.out.printf("%nLIVE CONSUMER BENCHMARK: %d events of %d complaints produced in %.1f s; the consumer caught up"
                        + " after %.1f s (%.0f events/s, %.0f complaints/s); %d complaints in the read model%n%n",
                events, complaints, produced.toMillis() / 1000.0, took.toMillis() / 1000.0,
                events / (took.toMillis() / 1000.0), complaints / (took.toMillis() / 1000.0), stored);
    }
}
