package id.aduan.testkit;

import static org.awaitility.Awaitility.await;

import id.aduan.contracts.Topic;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a service's consumer group has consumed: the proof that a record was handled, not just
 * sent. The binder commits an offset only after the handler returned, so a group that caught up
 * has handled every record that was on the topics when the wait began.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until the group has committed every record now on these topics. */
    public static void awaitCaughtUp(String group, Duration timeout, Topic... topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = Arrays.stream(topics)
                    .flatMap(topic -> IntStream.range(0, Topic.PARTITIONS)
                            .mapToObj(partition -> new TopicPartition(topic.topicName(), partition)))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue()
                        <= (committed.containsKey(end.getKey()) ? committed.get(end.getKey()).offset() : 0L));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
