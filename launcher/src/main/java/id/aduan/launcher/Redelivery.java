package id.aduan.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every event since a moment a second time to one service, as a broker would after a
 * consumer lost its offsets: stops the service's instances, moves its consumer groups (the group
 * named after the service and those starting with its name and a dash) back to the first offset at
 * or after that moment, and starts them again. A consumer that is idempotent changes nothing.
 */
final class Redelivery {

    private static final Logger log = LoggerFactory.getLogger(Redelivery.class);
    /** A group stays non-empty until the broker has seen its members leave. */
    private static final Duration EMPTY_GROUP_WAIT = Duration.ofSeconds(60);

    private Redelivery() {
    }

    /** Returns, per group, how many events it is given again. */
    static List<String> rewind(String bootstrapServers, String module, Instant since, ServiceProcesses services)
            throws InterruptedException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<String> moved = new ArrayList<>();
        try (Admin admin = Admin.create(properties)) {
            services.around(module, () -> {
                try {
                    for (String group : groups(admin, module)) {
                        long events = rewindGroup(admin, group, since);
                        log.info("Consumer group {} moved back to {}: {} events delivered again", group, since, events);
                        moved.add(group + " " + events + " events");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while moving offsets", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the broker refused to move the offsets of " + module, e.getCause());
                }
            });
        }
        return moved;
    }

    private static List<String> groups(Admin admin, String module) throws InterruptedException, ExecutionException {
        return admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(group -> group.equals(module) || group.startsWith(module + "-"))
                .sorted().toList();
    }

    private static long rewindGroup(Admin admin, String group, Instant since) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        committed.values().removeIf(offset -> offset == null);
        Map<TopicPartition, ListOffsetsResultInfo> atSince = admin.listOffsets(committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.forTimestamp(since.toEpochMilli()))))
                .all().get();
        Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
        long events = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            long first = atSince.get(entry.getKey()).offset(); // -1: nothing was written since
            if (first >= 0 && first < entry.getValue().offset()) {
                rewound.put(entry.getKey(), new OffsetAndMetadata(first));
                events += entry.getValue().offset() - first;
            }
        }
        long deadline = System.nanoTime() + EMPTY_GROUP_WAIT.toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, rewound).all().get();
                return events;
            } catch (ExecutionException e) {
                boolean stillMembers = e.getCause() instanceof GroupNotEmptyException || e.getCause() instanceof UnknownMemberIdException;
                if (!stillMembers || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }
}
