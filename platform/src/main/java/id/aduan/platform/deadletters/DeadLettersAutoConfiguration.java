package id.aduan.platform.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.events.EventConsumers;
import id.aduan.platform.events.EventsAutoConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;

/** Listing and re-driving dead letters, for every service whose consumers go through the platform's inbox. */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@ConditionalOnClass(BindingServiceProperties.class)
@ConditionalOnBean(EventConsumers.class)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, MongoDatabase database, BindingServiceProperties bindings,
            ListableBeanFactory beans, Clock clock, ObjectMapper json,
            @Value("${spring.cloud.stream.kafka.default.consumer.dlq-name}") String topic) {
        return new DeadLetters(new DeadLetterTopic(topic, kafka.buildConsumerProperties(null), json),
                new RedrivenLetters(database), new BindingConsumers(bindings, beans), clock);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, @Value("${spring.application.name}") String service,
            ObjectMapper json) {
        return new DeadLettersEndpoint(deadLetters, service, json);
    }

    /** aduan_dead_letters{service}: letters waiting for a re-drive, refreshed from the topic in the background. */
    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetters deadLetters, MeterRegistry registry,
            @Value("${aduan.dead-letters.depth-refresh:30s}") Duration refresh) {
        Gauge.builder("aduan.dead.letters", deadLetters, DeadLetters::depth)
                .description("Dead letters of the service not yet re-driven")
                .register(registry);
        return new DeadLetterDepth(deadLetters, refresh);
    }
}
