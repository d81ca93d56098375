package id.aduan.platform.health;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import reactor.core.publisher.Mono;

/**
 * Up when the database answers {@code ping}. Replaces Spring Boot's indicator, which sends
 * {@code hello} and so fails against the MongoDB stand-in of the embedded default.
 */
final class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final MongoDatabase database;

    MongoHealthIndicator(MongoDatabase database) {
        super("MongoDB health check failed");
        this.database = database;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .map(answer -> builder.up().withDetail("database", database.getName()).build());
    }
}
