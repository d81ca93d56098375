package id.aduan.platform.events;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Topic;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Event publishing, idempotent consumption and the topics, for every service that uses Kafka. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, id.aduan.platform.MongoAutoConfiguration.class})
@ConditionalOnClass(KafkaTemplate.class)
public class EventsAutoConfiguration {

    /** {@code retention.ms} of the event and dead-letter topics: no deletion by age. */
    public static final String KEEP_EVERYTHING = "-1";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${spring.application.name}") String service,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventPublisher(kafka, service, headers -> {
            Tracer current = tracer.getIfAvailable();
            TraceContext context = current == null ? null : current.currentTraceContext().context();
            if (context != null) {
                propagator.ifAvailable(w3c -> w3c.inject(context, headers,
                        (carrier, name, value) -> carrier.add(name, value.getBytes(StandardCharsets.UTF_8))));
            }
        });
    }

    @Bean
    @ConditionalOnBean(MongoDatabase.class)
    Inbox inbox(MongoDatabase database, Clock clock) {
        return new Inbox(database, clock);
    }

    @Bean
    @ConditionalOnBean(Inbox.class)
    EventConsumers eventConsumers(Inbox inbox, @Value("${aduan.events.handling-timeout:30s}") Duration timeout) {
        return new EventConsumers(inbox, timeout);
    }

    /** For every service with a Kafka binder: dead letters are stored before a consumer moves past them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    static class DeadLetters {

        @Bean
        ListenerContainerWithDlqAndRetryCustomizer deadLetterPublishing(KafkaTemplate<String, byte[]> kafka) {
            return new DeadLetterPublishing(kafka);
        }
    }

    /**
     * Creates Aduan's topics with their partitions, keeping every event ({@code retention.ms=-1}): the read
     * models can be rebuilt only from the whole history (docs/events.md, "Retention"). KafkaAdmin sets it
     * on topics created earlier too ({@code spring.kafka.admin.modify-topic-configs}). The binder creates
     * each service's dead-letter topic, with the same retention (aduan-platform-defaults.yml).
     */
    @Bean
    KafkaAdmin.NewTopics aduanTopics(@Value("${aduan.kafka.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Topic.values())
                .map(topic -> new NewTopic(topic.topicName(), Topic.PARTITIONS, replicationFactor)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, KEEP_EVERYTHING)))
                .toArray(NewTopic[]::new));
    }
}
