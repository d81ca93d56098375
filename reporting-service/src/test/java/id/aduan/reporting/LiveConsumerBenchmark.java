package id.aduan.reporting;

import id.aduan.contracts.Topic;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.Province;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerConfig;
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
    ComplaintReadModel readModel;

    @Test
    void consumeABurstOfEvents() {
        int wanted = Integer.getInteger("aduan.benchmark.events", 50_000);
        List<String> provinces = IndonesianRegions.shipped().provinces().stream().map(Province::code).toList();
        Random random = new Random(43);
        ConsumerGroups.awaitCaughtUp("reporting-service", Duration.ofMinutes(2), Topic.values());
        long started = System.nanoTime();
        RebuildBenchmark.Produced written = RebuildBenchmark.produceLives(wanted, random, provinces,
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
        int events = written.events();
        int complaints = written.complaints();
        Duration produced = Duration.ofNanos(System.nanoTime() - started);
        ConsumerGroups.awaitCaughtUp("reporting-service", Duration.ofHours(1), Topic.values());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long stored = Mono.from(readModel.collection().countDocuments()).block();
        System.out.printf("%nLIVE CONSUMER BENCHMARK: %d events of %d complaints produced in %.1f s; the consumer caught up"
                        + " after %.1f s (%.0f events/s, %.0f complaints/s); %d complaints in the read model%n%n",
                events, complaints, produced.toMillis() / 1000.0, took.toMillis() / 1000.0,
                events / (took.toMillis() / 1000.0), complaints / (took.toMillis() / 1000.0), stored);
    }
}
