package id.aduan.routing.subscription;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.routing.queue.ClockAlerts;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Dispatcher;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.topic.AgencyTopics;
import id.aduan.routing.subscription.webhook.WebhookCalls;
import id.aduan.routing.subscription.webhook.WebhookUrlRules;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/** Agency subscriptions' wiring: the feed's Kafka binding, the agency topics, webhooks and the dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionSettings.class)
class SubscriptionConfiguration {

    /**
     * Bound to aduan.routing, aduan.complaints and aduan.sla in application.yml, with a consumer group of its own.
     * Not through the platform's inbox: it holds one entry per event id for the whole service, so
     * another consumer of these topics in routing-service would skip every event this one recorded first. The
     * append is idempotent by itself (once per agency and event id), and so is keeping the clock alerts the
     * coordinators' queue shows (fields set by clock id); failures reach the binder,
     * which retries and then dead-letters as for every consumer.
     */
    @Bean
    Consumer<Message<byte[]>> feedAgencies(FeedRoutingEvents feedRoutingEvents, ClockAlerts clockAlerts,
            @Value("${aduan.events.handling-timeout:30s}") Duration timeout) {
        return message -> {
            EventEnvelope<?> envelope = CloudEventCodec.decode(message.getPayload());
            feedRoutingEvents.on(envelope).then(clockAlerts.record(envelope.data())).block(timeout);
        };
    }

    /**
     * A producer of its own: it comes to know every agency's topic, and a Kafka producer's sender
     * walks all the partitions it knows on each wake-up and refreshes its metadata for each new topic
     * (profiled in docs/benchmarks.md). Kept apart, the service's own events do not pay for that; it
     * lingers a little so that one wake-up carries many entries, and has no per-topic meters.
     */
    @Bean
    AgencyTopics agencyTopics(KafkaProperties kafkaProperties, ObjectProvider<SslBundles> sslBundles, KafkaAdmin admin,
            SubscriptionSettings settings, @Value("${spring.application.name}") String service,
            @Value("${aduan.kafka.replication-factor:1}") short replicationFactor) {
        Map<String, Object> producer = kafkaProperties.buildProducerProperties(sslBundles.getIfAvailable());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-agency-topics");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        AgencyTopics topics = new AgencyTopics(kafka, admin, settings.topicPrefix(), settings.topicPartitions(),
                replicationFactor, settings.topicRetention());
        topics.alignExisting();
        return topics;
    }

    @Bean
    WebhookCalls webhookCalls(SubscriptionSettings settings) {
        return new WebhookCalls(settings.webhooks().timeout(), settings.webhooks().allowInternalAddresses());
    }

    @Bean
    WebhookUrlRules webhookUrlRules(SubscriptionSettings settings) {
        return new WebhookUrlRules(settings.webhooks().requireHttps(), settings.webhooks().allowInternalAddresses(),
                InetAddress::getAllByName);
    }

    @Bean
    Dispatcher dispatcher(Subscriptions subscriptions, AgencyFeed feed, List<DeliveryTarget> targets,
            SubscriptionSettings settings, Clock clock) {
        return new Dispatcher(subscriptions, feed, targets, settings.delivery(), clock);
    }
}
