package id.aduan.testkit;

import id.aduan.localinfra.KafkaKraftBroker;
import id.aduan.localinfra.MongoStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Kafka broker (KRaft) and the in-memory MongoDB stand-in, both in this JVM on free ports. */
final class EmbeddedInfrastructure implements Infrastructure.AutoCloseableInfrastructure {

    private final MongoStandIn mongo;
    private final KafkaKraftBroker kafka;

    EmbeddedInfrastructure() {
        try {
            Path kafkaData = Files.createTempDirectory("aduan-kafka-");
            this.mongo = MongoStandIn.inMemory(0);
            this.kafka = KafkaKraftBroker.start(kafkaData, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    @Override
    public String description() {
        return "embedded Kafka KRaft broker at " + kafka.bootstrapServers() + " and MongoDB stand-in at "
                + mongo.connectionString();
    }

    @Override
    public void close() {
        kafka.close();
        mongo.close();
    }
}
