package id.aduan.testkit;

import id.aduan.localinfra.KafkaKraftBroker;
import id.aduan.localinfra.MailServer;
import id.aduan.localinfra.MongoStandIn;
import id.aduan.localinfra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * A real Kafka broker (KRaft) and the in-memory MongoDB stand-in, both in this JVM, and a real
 * PostgreSQL as a child process, all on free ports.
 */
final class EmbeddedInfrastructure implements Infrastructure.AutoCloseableInfrastructure {

    private final MongoStandIn mongo;
    private final KafkaKraftBroker kafka;
    /** The temporary directories of the broker's and the database's files, removed at close. */
    private final List<Path> directories = new ArrayList<>();
    /** Started on first use: most services' tests never need it. */
    private PostgresServer postgres;
    /** Started on first use: only intake sends mail. */
    private MailServer mail;

    EmbeddedInfrastructure() {
        try {
            Path kafkaData = temporaryDirectory("aduan-kafka-");
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
    public String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    @Override
    public String jdbcUsername() {
        return PostgresServer.USER;
    }

    @Override
    public String jdbcPassword() {
        return "";
    }

    private synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                // Not durable: a test database need not outlive a crash, and commits are faster.
                postgres = PostgresServer.start(temporaryDirectory("aduan-postgres-"), 0, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private synchronized Path temporaryDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        directories.add(directory);
        return directory;
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
        return "embedded Kafka KRaft broker at " + kafka.bootstrapServers() + ", MongoDB stand-in at "
                + mongo.connectionString() + " and embedded PostgreSQL when first asked for";
    }

    @Override
    public synchronized void close() {
        if (mail != null) {
            mail.close();
        }
        kafka.close();
        mongo.close();
        if (postgres != null) {
            postgres.close();
        }
        directories.forEach(directory -> FileSystemUtils.deleteRecursively(directory.toFile()));
    }
}
