package id.aduan.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a service's consumer group has consumed: the proof that a record was handled, not just sent. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until the group has committed every record now on the topic. */
    public static void awaitCaughtUp(String group, String topic, Duration timeout) {
        try (AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topic);
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(AdminClient admin, String topic) {
        try {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
