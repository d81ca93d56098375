package id.aduan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.AnotherInstance;
import id.aduan.testkit.TopicConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The event topics and the service's dead-letter topic keep every record, whether this start created
 * them or they were created earlier with the broker's default retention (docs/events.md, "Retention").
 */
@AduanServiceTest
class TopicRetentionIT {

    private static final String SEVEN_DAYS = Long.toString(Duration.ofDays(7).toMillis());

    @Test
    void theEventAndDeadLetterTopicsKeepEverythingAndAServiceStartBringsOlderTopicsToIt() {
        List<String> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.topicName());
        }
        topics.add("aduan.dlq.reporting-service");
        topics.forEach(topic -> assertThat(retention(topic)).as(topic).isEqualTo("-1"));

        // As topics created before this setting was declared: the broker's default of seven days.
        topics.forEach(topic -> TopicConfigs.set(topic, TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS));
        // Its binding is provisioned (the dead-letter topic too) but never consumes: joining the group would
        // hold partitions from this JVM's service until the session timeout after it closed.
        try (AnotherInstance restarted = AnotherInstance.start(ReportingApplication.class,
                Map.of("spring.cloud.stream.bindings.events-in-0.consumer.auto-startup", false))) {
            topics.forEach(topic -> assertThat(retention(topic)).as(topic).isEqualTo("-1"));
        }
    }

    private static String retention(String topic) {
        return TopicConfigs.of(topic, TopicConfig.RETENTION_MS_CONFIG);
    }
}
