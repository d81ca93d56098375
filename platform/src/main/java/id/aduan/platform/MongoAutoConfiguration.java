package id.aduan.platform;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's own database, named in {@code spring.data.mongodb.uri}, on the reactive driver. */
@AutoConfiguration(after = MongoReactiveAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class MongoAutoConfiguration {

    @Bean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }
}
