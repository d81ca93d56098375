package id.aduan.routing.subscription.topic;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.routing.subscription.delivery.Attempt;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Lease;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.feed.FeedEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Each agency's own Kafka topic, {@code <prefix><agency code>}: its feed, as the same CloudEvents
 * with the same ids, keyed by complaint id so that each complaint's events keep their order. The
 * topic is created on first use, with the configured partitions (one by default). An agency's system
 * reads it with a consumer group of its own; in production a Kafka ACL lets only that agency's
 * principal read it (docs/subscriptions.md).
 */
public final class AgencyTopics implements DeliveryTarget, AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final String prefix;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public AgencyTopics(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, String prefix, int partitions,
            short replicationFactor) {
        this.kafka = kafka;
        this.admin = admin;
        this.prefix = prefix;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public String topicOf(String agencyCode) {
        return prefix + agencyCode;
    }

    @Override
    public Subscription.Kind kind() {
        return Subscription.Kind.TOPIC;
    }

    /**
     * Sends the entries without waiting between them (the idempotent producer keeps their order per
     * partition), then waits for every acknowledgement; the cursor moves past the acknowledged prefix.
     */
    @Override
    public Mono<Attempt> deliver(Subscription subscription, List<FeedEntry> entries, Lease lease) {
        String topic = topicOf(subscription.agencyCode());
        long from = entries.get(0).sequence() - 1;
        return ensureExists(topic)
                // A send blocks while the producer waits for metadata: not on a driver's or server's thread.
                .then(Mono.fromCallable(() -> entries.stream().<CompletableFuture<?>>map(entry -> send(topic, entry)).toList())
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(sends -> Mono.fromCompletionStage(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                                .<Attempt>handle((done, failure) -> acknowledgedPrefix(from, entries, sends))))
                .onErrorResume(e -> Mono.just(Attempt.stoppedBy(e, from)));
    }

    private CompletableFuture<?> send(String topic, FeedEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.complaintId(),
                entry.cloudEvent().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    /** Called once every send completed; the first failure ends what counts as delivered. */
    private static Attempt acknowledgedPrefix(long from, List<FeedEntry> entries, List<CompletableFuture<?>> sends) {
        long upTo = from;
        for (int i = 0; i < entries.size(); i++) {
            try {
                sends.get(i).join();
            } catch (CompletionException | CancellationException e) {
                return Attempt.stoppedBy(e, upTo);
            }
            upTo = entries.get(i).sequence();
        }
        return new Attempt(upTo, null, null);
    }

    /** Closes this target's own producer (Spring calls it when the context stops). */
    @Override
    public void close() {
        kafka.getProducerFactory().reset();
    }

    private Mono<Void> ensureExists(String topic) {
        if (created.contains(topic)) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
                    admin.createOrModifyTopics(new NewTopic(topic, partitions, replicationFactor));
                    created.add(topic);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
