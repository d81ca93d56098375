package id.aduan.testkit;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Real Kafka (KRaft) and MongoDB (single-node replica set) images, through Testcontainers. */
final class ContainerInfrastructure implements Infrastructure.AutoCloseableInfrastructure {

    private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    private final MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public String description() {
        return "Testcontainers " + kafka.getDockerImageName() + " and " + mongo.getDockerImageName();
    }

    @Override
    public void close() {
        kafka.stop();
        mongo.stop();
    }
}
