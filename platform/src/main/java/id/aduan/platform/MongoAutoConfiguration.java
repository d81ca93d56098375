package id.aduan.platform;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.reactivestreams.ReactiveStreamsMongoLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own database, named in {@code spring.data.mongodb.uri}, on the reactive driver. */
@AutoConfiguration(after = MongoReactiveAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class MongoAutoConfiguration {

    @Bean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    /**
     * ShedLock's locks in the service's database (collection {@code shedLock}, one document per lock
     * name), for a service that has the provider: a periodic task that one instance at a time runs.
     * Taking a lock is a findOneAndUpdate on the lock's {@code _id} and {@code lockUntil}, which the
     * MongoDB stand-in answers by reading that small collection: fine once per run, never per event.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveStreamsMongoLockProvider.class)
    static class Locks {

        @Bean
        @ConditionalOnMissingBean
        LockProvider lockProvider(MongoDatabase database) {
            return new ReactiveStreamsMongoLockProvider(database);
        }

        @Bean
        @ConditionalOnMissingBean
        LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
            return new DefaultLockingTaskExecutor(locks);
        }
    }
}
