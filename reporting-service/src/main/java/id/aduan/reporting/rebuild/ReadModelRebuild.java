package id.aduan.reporting.rebuild;

import com.mongodb.reactivestreams.client.MongoCollection;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.MalformedEventException;
import id.aduan.contracts.Topic;
import id.aduan.reporting.complaints.ComplaintReadModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Builds the read model again from every event on the topics into a new collection beside the live
 * one, then switches the reports to it (docs/metrics.md, "Rebuild"). The live model keeps answering
 * meanwhile, so no figure drops or disappears. It reads with a consumer of its own, without a consumer
 * group, so the live consumer is not disturbed; what the live consumer applies meanwhile goes to the
 * new collection too. It switches only once it has read up to the topics' end offsets of that moment,
 * then reads on to the ends again after the other instances have followed the switch, so that what
 * they applied to the old collection in between is in the new one too. As a document is the set of its
 * events' facts, any overlap between these writers changes nothing.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** The ShedLock lock that makes rebuilds one at a time in the deployment. */
    static final String LOCK = "complaints-rebuild";
    /** A lock not renewed for this long was left by an instance that stopped mid-rebuild. */
    private static final Duration LOCK_STALE_AFTER = Duration.ofMinutes(2);
    private static final Duration LOCK_RENEWAL = Duration.ofSeconds(20);

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /**
     * REPLAYING the topics from their first offsets, CATCHING_UP with events written since, SWITCHED:
     * the reports read the new collection, which takes in what other instances wrote to the old one.
     */
    public enum Phase { REPLAYING, CATCHING_UP, SWITCHED }

    /**
     * @param id the rebuild's id, which names its collection ({@code complaints_<id>})
     * @param records Kafka records read
     * @param recordsToRead records on the topics up to where the rebuild reads (grows while it catches up):
     *     {@code records / recordsToRead} is its progress
     * @param malformed records that were not an Aduan event (the live consumer dead-letters them)
     */
    public record Status(String id, State state, Phase phase, Instant startedAt, Instant finishedAt, long records,
            long recordsToRead, long malformed, String error) {

        static final Status IDLE = new Status(null, State.IDLE, null, null, null, 0, 0, 0, null);

        Status with(Phase phase) {
            return new Status(id, state, phase, startedAt, finishedAt, records, recordsToRead, malformed, error);
        }
    }

    private final ComplaintReadModel readModel;
    private final LockProvider locks;
    private final Map<String, Object> consumerProperties;
    private final int bufferedEvents;
    private final Duration followDelay;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);

    /**
     * @param locks the service's ShedLock locks
     * @param kafka where the topics are
     * @param bufferedEvents how many events are folded in memory before they are written: one read of
     *     their complaints and one bulk write
     * @param followDelay how long every instance takes at most to follow the pointer to a new collection
     *     (ComplaintReadModel#follow): the rebuild reads the topics' last events once more after it
     */
    public ReadModelRebuild(ComplaintReadModel readModel, LockProvider locks, Map<String, ?> kafka, int bufferedEvents,
            Duration followDelay) {
        this.readModel = readModel;
        this.locks = locks;
        this.bufferedEvents = bufferedEvents;
        this.followDelay = followDelay;
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

    /** Starts a rebuild on a thread of its own; false when one is running already. */
    public boolean start() {
        Claim claim = claim();
        if (claim == null) {
            return false;
        }
        Thread thread = new Thread(() -> {
            try {
                rebuild(claim);
            } catch (RuntimeException e) {
                log.error("Rebuild of the read model failed", e);
            }
        }, "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Rebuilds the read model and switches to it; returns when done. */
    public Status run() {
        Claim claim = claim();
        if (claim == null) {
            throw new IllegalStateException("a rebuild is running already");
        }
        return rebuild(claim);
    }

    /**
     * A rebuild just begun, or null when one is running: two requests at once start one rebuild, in
     * this instance and, through the ShedLock lock in MongoDB, in the deployment.
     */
    private Claim claim() {
        Status current = status.get();
        if (current.state() == State.RUNNING) {
            return null;
        }
        Instant now = Instant.now();
        Status started = new Status(ID.format(now), State.RUNNING, Phase.REPLAYING, now, null, 0, 0, 0, null);
        if (!status.compareAndSet(current, started)) {
            return null;
        }
        Optional<SimpleLock> lock = Optional.empty();
        try {
            lock = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_STALE_AFTER, Duration.ZERO));
        } finally {
            if (lock.isEmpty()) {
                status.set(current);
            }
        }
        return lock.map(held -> new Claim(started, new RenewedLock(held))).orElse(null);
    }

    private record Claim(Status started, RenewedLock lock) {
    }

    private Status rebuild(Claim claim) {
        Disposable renewal = Flux.interval(LOCK_RENEWAL, LOCK_RENEWAL, Schedulers.boundedElastic())
                .subscribe(tick -> claim.lock().extend(LOCK_STALE_AFTER));
        try {
            return rebuildClaimed(claim.started());
        } finally {
            renewal.dispose();
            claim.lock().unlock();
        }
    }

    /**
     * The lock as last renewed (ShedLock answers a new lock for each extension), renewed on a thread
     * of its own while the rebuild runs. A renewal or release that fails (database away) is tried
     * again at the next tick, or left to run out.
     */
    private static final class RenewedLock {

        private SimpleLock lock;

        RenewedLock(SimpleLock lock) {
            this.lock = lock;
        }

        synchronized void extend(Duration by) {
            try {
                if (lock != null) {
                    lock = lock.extend(by, Duration.ZERO).orElse(null);
                }
            } catch (RuntimeException e) {
                log.warn("Rebuild lock not renewed this time: {}", e.toString());
            }
        }

        synchronized void unlock() {
            try {
                if (lock != null) {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                log.warn("Rebuild lock not released, it runs out by itself: {}", e.toString());
            }
            lock = null;
        }
    }

    private Status rebuildClaimed(Status started) {
        MongoCollection<Document> target =
                readModel.startBuilding(ComplaintReadModel.COLLECTION + "_" + started.id()).block(Duration.ofMinutes(1));
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
            readModel.dropAbandonedRebuilds(target).block(Duration.ofMinutes(1));
            Map<TopicPartition, Long> positions = replay(consumer, target);
            update(current -> current.with(Phase.CATCHING_UP));
            while (readUpTo(consumer, positions, consumer.endOffsets(positions.keySet()), target) > 0) {
                // Events were written while it read: read on until a pass finds the topics' ends reached.
            }
            MongoCollection<Document> replaced = readModel.switchTo(target).block(Duration.ofMinutes(1));
            update(current -> current.with(Phase.SWITCHED));
            Thread.sleep(followDelay.toMillis());
            readUpTo(consumer, positions, consumer.endOffsets(positions.keySet()), target);
            if (!replaced.getNamespace().equals(target.getNamespace())) {
                Mono.from(replaced.drop()).block(Duration.ofMinutes(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(target, new IllegalStateException("rebuild interrupted", e));
        } catch (RuntimeException e) {
            throw fail(target, e);
        }
        Status done = update(current -> new Status(current.id(), State.DONE, current.phase(), current.startedAt(),
                Instant.now(), current.records(), current.recordsToRead(), current.malformed(), null));
        log.info("Rebuilt the read model into {} from {} records ({} malformed) in {}", target.getNamespace(), done.records(),
                done.malformed(), Duration.between(done.startedAt(), done.finishedAt()));
        return done;
    }

    /** Drops the unfinished collection unless the reports read it already. */
    private RuntimeException fail(MongoCollection<Document> target, RuntimeException e) {
        Status failed = update(current -> new Status(current.id(), State.FAILED, current.phase(), current.startedAt(),
                Instant.now(), current.records(), current.recordsToRead(), current.malformed(), e.toString()));
        if (failed.phase() != Phase.SWITCHED) {
            readModel.abandon(target).onErrorComplete().block(Duration.ofMinutes(1));
        }
        return e;
    }

    /**
     * Reads partition number p of every topic together, from its first offset to its end of that
     * moment: the events of one complaint share its key, so on topics with the same partition count
     * they are all there, and most complaints are written once, by an insert. A complaint whose events
     * span flushes or partitions is merged into its stored document like any concurrent change.
     * Answers the offsets reached, for every partition.
     */
    private Map<TopicPartition, Long> replay(KafkaConsumer<String, byte[]> consumer, MongoCollection<Document> target) {
        Map<Integer, List<TopicPartition>> byNumber = new TreeMap<>();
        for (Topic topic : Topic.values()) {
            for (PartitionInfo info : consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))) {
                byNumber.computeIfAbsent(info.partition(), number -> new ArrayList<>())
                        .add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (List<TopicPartition> partitions : byNumber.values()) {
            positions.putAll(consumer.beginningOffsets(partitions));
        }
        for (List<TopicPartition> partitions : byNumber.values()) {
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(partition -> from.put(partition, positions.get(partition)));
            readUpTo(consumer, from, consumer.endOffsets(partitions), target);
            positions.putAll(from);
        }
        return positions;
    }

    /**
     * Reads the partitions from {@code positions} up to {@code ends} (excluded) into the target, and
     * moves the positions there. Records at or past an end are left for the next pass. Answers how many
     * records it read.
     */
    private long readUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> positions,
            Map<TopicPartition, Long> ends, MongoCollection<Document> target) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        ends.forEach((partition, end) -> {
            if (positions.get(partition) < end) {
                remaining.put(partition, end);
            }
        });
        long toRead = remaining.entrySet().stream().mapToLong(end -> end.getValue() - positions.get(end.getKey())).sum();
        update(current -> new Status(current.id(), current.state(), current.phase(), current.startedAt(), null,
                current.records(), current.recordsToRead() + toRead, current.malformed(), null));
        if (remaining.isEmpty()) {
            return 0;
        }
        consumer.assign(remaining.keySet());
        remaining.keySet().forEach(partition -> consumer.seek(partition, positions.get(partition)));
        Map<String, List<AduanEvent>> byComplaint = new LinkedHashMap<>();
        int buffered = 0;
        long read = 0;
        while (!remaining.isEmpty()) {
            long records = 0;
            long malformed = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                Long end = remaining.get(new TopicPartition(record.topic(), record.partition()));
                if (end == null || record.offset() >= end) {
                    continue; // the next pass reads it
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
            remaining.keySet().removeIf(partition -> consumer.position(partition) >= remaining.get(partition));
            if (buffered >= bufferedEvents || remaining.isEmpty()) {
                readModel.applyAll(target, byComplaint).block(Duration.ofMinutes(10));
                byComplaint.clear();
                buffered = 0;
            }
            read += records;
            long polled = records;
            long bad = malformed;
            update(current -> new Status(current.id(), current.state(), current.phase(), current.startedAt(), null,
                    current.records() + polled, current.recordsToRead(), current.malformed() + bad, null));
        }
        positions.putAll(ends);
        return read;
    }

    private Status update(UnaryOperator<Status> change) {
        return status.updateAndGet(change);
    }
}
