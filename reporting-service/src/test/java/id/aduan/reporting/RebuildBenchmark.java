package id.aduan.reporting;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.Topic;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.Province;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.rebuild.ReadModelRebuild;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.provider.mongo.reactivestreams.ReactiveStreamsMongoLockProvider;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * How long a rebuild of the read model from the topics takes (docs/benchmarks.md, "Rebuild of the
 * reporting read model"). Not part of the build's tests; run it with
 * {@code ./mvnw -o verify -pl reporting-service -Dit.test=RebuildBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Daduan.benchmark.events=1000000}.
 *
 * <p>It writes about that many events of complete complaint lives (submission, routing, clocks,
 * verification, follow-up, completion; some archived, forwarded or breached) over every province
 * to the test kit's broker, then rebuilds a read model in the test kit's MongoDB (into a new
 * collection, then the switch) and prints the time of each phase.
 */
class RebuildBenchmark {

    private static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.WEB, Channel.WEB, Channel.MOBILE_APP,
            Channel.MOBILE_APP, Channel.SMS, Channel.SOCIAL_MEDIA, Channel.WHATSAPP, Channel.LETTER, Channel.WALK_IN,
            Channel.OPEN311, Channel.LEGACY_APP);
    private static final List<String> UNITS = List.of("DPUPR", "DUKCAPIL", "DISDIK", "DINKES", "DISHUB", "DLH");
    /** The reference's districts by province: generated complaints name regions intake would accept. */
    private static final Map<String, List<String>> DISTRICTS = IndonesianRegions.shipped().all().keySet().stream()
            .filter(code -> code.split("\\.").length == 3)
            .collect(Collectors.groupingBy(code -> code.substring(0, 2)));
    private static final List<String> CATEGORIES = List.of("INFRA.ROAD", "POPULATION", "EDU.SCHOOL", "HEALTH",
            "TRANSPORT", "ENVIRONMENT");

    @Test
    void rebuildTheReadModelFromTheTopics() {
        int wanted = Integer.getInteger("aduan.benchmark.events", 100_000);
        List<String> provinces = IndonesianRegions.shipped().provinces().stream().map(Province::code).toList();
        Random random = new Random(42);
        createTopicsAsTheServicesDo();
        long produceStarted = System.nanoTime();
        Produced written = produceLives(wanted, random, provinces, Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        int events = written.events();
        int complaints = written.complaints();
        Duration produced = Duration.ofNanos(System.nanoTime() - produceStarted);

        String name = "reporting-benchmark";
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri(name))) {
            MongoDatabase database = client.getDatabase(name);
            ComplaintReadModel readModel = new ComplaintReadModel(database, IndonesianRegions.shipped());
            ReadModelRebuild rebuild = new ReadModelRebuild(readModel, new ReactiveStreamsMongoLockProvider(database), Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
                    Integer.getInteger("aduan.benchmark.buffered", 100_000), Duration.ZERO);
            ReadModelRebuild.Status status = rebuild.run();
            Duration took = Duration.between(status.startedAt(), status.finishedAt());
            long stored = Mono.from(readModel.collection().countDocuments()).block();
            System.out.printf("%nREBUILD BENCHMARK: %d events of %d complaints produced in %.1f s; rebuild read %d records"
                            + " and stored %d complaints in %.1f s (%.0f events/s)%n%n", events, complaints,
                    produced.toMillis() / 1000.0, status.records(), stored, took.toMillis() / 1000.0,
                    status.records() / (took.toMillis() / 1000.0));
        }
    }

    record Produced(int events, int complaints) {
    }

    /** Writes whole complaint lives to the test kit's broker until at least {@code wanted} events are sent. */
    static Produced produceLives(int wanted, Random random, List<String> provinces, Map<String, Object> tuning) {
        Map<String, Object> settings = new HashMap<>(tuning);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        int events = 0;
        int complaints = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            while (events < wanted) {
                List<AduanEvent> life = life(random, provinces);
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
        return new Produced(events, complaints);
    }

    /** Six partitions each, as the binder creates them (min-partition-count), where no service ran yet. */
    private static void createTopicsAsTheServicesDo() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafkaBootstrapServers()))) {
            admin.createTopics(Arrays.stream(Topic.values())
                    .map(topic -> new NewTopic(topic.topicName(), Topic.PARTITIONS, (short) 1)).toList()).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One complaint's events, as intake, routing and sla publish them. */
    static List<AduanEvent> life(Random random, List<String> provinces) {
        String province = provinces.get(random.nextInt(provinces.size()));
        List<String> districts = DISTRICTS.get(province);
        String district = districts.get(random.nextInt(districts.size()));
        String regency = district.substring(0, district.lastIndexOf('.'));
        String agency = regency + "." + UNITS.get(random.nextInt(UNITS.size()));
        Instant submitted = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 86_400));
        History history = History.submitted(ComplaintIds.next(), CHANNELS.get(random.nextInt(CHANNELS.size())),
                CATEGORIES.get(random.nextInt(CATEGORIES.size())), random.nextInt(10) == 0 ? regency : district, submitted)
                .routedTo(agency, submitted.plusSeconds(2));
        int fate = random.nextInt(100);
        if (fate < 5) {
            return history.archived(submitted.plusSeconds(86_400), 1).events();
        }
        history.verified(Classification.values()[random.nextInt(4)], submitted.plusSeconds(3600 + random.nextInt(200_000)),
                random.nextInt(4), Outcome.MET);
        if (fate < 15) {
            history.routedTo(province + "." + UNITS.get(random.nextInt(UNITS.size())), submitted.plusSeconds(300_000));
        }
        if (fate >= 15 && fate < 20) {
            return history.followUpBreached().events();
        }
        int days = 1 + random.nextInt(16);
        history.followedUp(submitted.plusSeconds(86_400L * (days + 2)), days, days > 14 ? Outcome.BREACHED : Outcome.MET);
        if (fate < 85) {
            history.completed(submitted.plusSeconds(86_400L * (days + 4)), submitted.plusSeconds(86_400L * (days + 6)));
        }
        return history.events();
    }
}
