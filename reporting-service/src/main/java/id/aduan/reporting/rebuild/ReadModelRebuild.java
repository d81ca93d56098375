package id.aduan.reporting.rebuild;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.MalformedEventException;
import id.aduan.contracts.Topic;
import id.aduan.reporting.complaints.ComplaintReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the read model and builds it again from every event on the topics, from the first offset
 * to the last one there when the rebuild began (docs/metrics.md, "Rebuild"). It reads without a consumer group, so the live consumer is not disturbed and keeps
 * adding new events meanwhile; as a document is the set of its events' facts, both end with what
 * building it one event at a time gives. Reports are incomplete until the rebuild finishes.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /**
     * @param records Kafka records read
     * @param malformed records that were not an Aduan event (the live consumer dead-letters them)
     */
    public record Status(State state, Instant startedAt, Instant finishedAt, long records, long malformed, String error) {

        static final Status IDLE = new Status(State.IDLE, null, null, 0, 0, null);
    }

    private final ComplaintReadModel readModel;
    private final Map<String, Object> consumerProperties;
    private final int bufferedEvents;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);

    /**
     * @param kafka where the topics are and how to authenticate there: the bootstrap servers and the service's
     *     client security settings (spring.kafka.properties)
     * @param bufferedEvents how many events are folded in memory before they are written: one read of
     *     their complaints and one bulk write
     */
    public ReadModelRebuild(ComplaintReadModel readModel, Map<String, ?> kafka, int bufferedEvents) {
        this.readModel = readModel;
        this.bufferedEvents = bufferedEvents;
        Map<String, Object> consumer = new HashMap<>(kafka);
        consumer.putAll(Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.consumerProperties = Map.copyOf(consumer);
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild on a thread of its own; false when one is already running. */
    public boolean start() {
        Status current = status.get();
        if (current.state() == State.RUNNING) {
            return false;
        }
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.error("Rebuild of the read model failed", e);
            }
        }, "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Drops the read model and replays the topics into it; returns when done. */
    public Status run() {
        Instant started = Instant.now();
        status.set(new Status(State.RUNNING, started, null, 0, 0, null));
        try {
            readModel.drop().block(Duration.ofMinutes(1));
            Status done = replay(started);
            status.set(done);
            log.info("Rebuilt the read model from {} records ({} malformed) in {}", done.records(), done.malformed(),
                    Duration.between(done.startedAt(), done.finishedAt()));
            return done;
        } catch (RuntimeException e) {
            Status current = status.get();
            status.set(new Status(State.FAILED, started, Instant.now(), current.records(), current.malformed(), e.toString()));
            throw e;
        }
    }

    /**
     * Reads partition number p of every topic together: the events of one complaint share its key, so
     * on topics with the same partition count they are all there, and most complaints are written
     * once, by an insert. A complaint whose events span flushes or partitions is merged into its
     * stored document like any concurrent change.
     */
    private Status replay(Instant started) {
        long records = 0;
        long malformed = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<Integer, List<TopicPartition>> byNumber = new TreeMap<>();
            for (Topic topic : Topic.values()) {
                for (PartitionInfo info : consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))) {
                    byNumber.computeIfAbsent(info.partition(), number -> new ArrayList<>())
                            .add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            for (List<TopicPartition> partitions : byNumber.values()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
                ends.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                Map<String, List<AduanEvent>> byComplaint = new LinkedHashMap<>();
                int buffered = 0;
                while (!ends.isEmpty()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                        if (end == null || record.offset() >= end) {
                            continue; // written after the rebuild began: the live consumer handles it
                        }
                        records++;
                        try {
                            if (CloudEventCodec.decode(record.value()).data() instanceof ComplaintEvent event) {
                                byComplaint.computeIfAbsent(event.complaintId(), id -> new ArrayList<>()).add(event);
                                buffered++;
                            }
                        } catch (MalformedEventException e) {
                            malformed++;
                        }
                    }
                    ends.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                    if (buffered >= bufferedEvents || ends.isEmpty()) {
                        readModel.applyAll(byComplaint).block(Duration.ofMinutes(10));
                        byComplaint.clear();
                        buffered = 0;
                    }
                    status.set(new Status(State.RUNNING, started, null, records, malformed, null));
                }
            }
        }
        return new Status(State.DONE, started, Instant.now(), records, malformed, null);
    }
}
