package id.aduan.routing.subscription.topic;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.routing.subscription.delivery.Attempt;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Lease;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.feed.FeedEntry;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Each agency's own Kafka topic, {@code <prefix><agency code>}: its feed, as the same CloudEvents
 * with the same ids, keyed by complaint id so that each complaint's events keep their order. The
 * topic is created on first use, with the configured partitions (one by default) and retention (30
 * days by default: a delivery channel, the agency feed keeps the record). An agency's system reads it
 * with a consumer group of its own; in production a Kafka ACL lets only that agency's principal read
 * it (docs/subscriptions.md).
 */
public final class AgencyTopics implements DeliveryTarget, AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final String prefix;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> configs;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public AgencyTopics(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, String prefix, int partitions,
            short replicationFactor, Duration retention) {
        this.kafka = kafka;
        this.admin = admin;
        this.prefix = prefix;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.configs = Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    /**
     * Gives the agency topics created earlier the configured retention, at start: KafkaAdmin would alter
     * a topic only when its agency's next event is delivered, which may be long after. One request for all.
     */
    public void alignExisting() {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            Set<String> existing = client.listTopics().names().get(1, TimeUnit.MINUTES);
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            existing.stream().filter(topic -> topic.startsWith(prefix)).forEach(topic -> changes.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    configs.entrySet().stream()
                            .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()), AlterConfigOp.OpType.SET))
                            .toList()));
            if (!changes.isEmpty()) {
                client.incrementalAlterConfigs(changes).all().get(1, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aligning the agency topics' retention", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot align the agency topics' retention", e);
        }
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

    /** The CloudEvent as the feed stored it, unchanged, in a record written by the SDK's Kafka binding (structured mode). */
    private CompletableFuture<?> send(String topic, FeedEntry entry) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, entry.complaintId())
                .setEvent(CloudEventCodec.FORMAT, entry.cloudEvent().getBytes(StandardCharsets.UTF_8));
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
                    admin.createOrModifyTopics(new NewTopic(topic, partitions, replicationFactor).configs(configs));
                    created.add(topic);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
