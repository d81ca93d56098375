package id.aduan.testkit;

import id.aduan.localinfra.MailServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Real Kafka (KRaft), MongoDB (single-node replica set) and PostgreSQL images, through Testcontainers. */
final class ContainerInfrastructure implements Infrastructure.AutoCloseableInfrastructure {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    private final MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));
    /** The image docker-compose.yml runs; started on first use, as most services' tests never need it. */
    private PostgreSQLContainer<?> postgres;
    /** GreenMail in this JVM, as without Docker: started on first use, as only intake sends mail. */
    private MailServer mail;

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
    public synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        PostgreSQLContainer<?> server = postgres();
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(), server.getPassword());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!found.next()) {
                    create.execute("CREATE DATABASE " + database); // a checked name: DDL takes no parameters
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    @Override
    public String jdbcUsername() {
        return postgres().getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres().getPassword();
    }

    private synchronized PostgreSQLContainer<?> postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:16.6"));
            postgres.start();
        }
        return postgres;
    }

    @Override
    public synchronized MailServer mailServer() {
        if (mail == null) {
            mail = MailServer.start(0, 0);
        }
        return mail;
    }

    @Override
    public String description() {
        return "Testcontainers " + kafka.getDockerImageName() + ", " + mongo.getDockerImageName() + " and postgres:16.6 when first asked for";
    }

    @Override
    public synchronized void close() {
        if (mail != null) {
            mail.close();
        }
        kafka.stop();
        mongo.stop();
        if (postgres != null) {
            postgres.stop();
        }
    }
}
