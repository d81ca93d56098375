package id.aduan.platform.health;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoAutoConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Health of Kafka and MongoDB under the names the readiness group includes: {@code kafka}, {@code mongo}. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MongoAutoConfiguration.class})
public class HealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    static class Kafka {

        @Bean(destroyMethod = "close")
        AdminClient healthAdminClient(KafkaAdmin kafkaAdmin) {
            return AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }

        @Bean
        KafkaHealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
            return new KafkaHealthIndicator(healthAdminClient);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoDatabase.class)
    static class Mongo {

        /** Named so that Spring Boot's own Mongo indicators back off. */
        @Bean
        @ConditionalOnBean(MongoDatabase.class)
        MongoHealthIndicator mongoHealthIndicator(MongoDatabase database) {
            return new MongoHealthIndicator(database);
        }
    }
}
