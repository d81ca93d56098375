package id.aduan.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB stand-in (mongo-java-server) on localhost, for where no real MongoDB runs. It speaks the
 * wire protocol but not all of MongoDB: see the gotchas in the stack notes.
 */
public final class MongoStandIn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStandIn.class);

    private final MongoServer server;
    private final int port;

    private MongoStandIn(MongoBackend backend, int port, String storage) {
        this.server = new MongoServer(backend);
        try {
            server.bind("localhost", port);
        } catch (Exception e) {
            // Netty throws the checked BindException undeclared, which MongoServer does not clean up
            // after: its event loop would keep the JVM alive and the store file open.
            server.shutdownNow();
            throw new IllegalStateException("MongoDB stand-in cannot listen on localhost:" + port, e);
        }
        this.port = server.getLocalAddress().getPort();
        log.info("MongoDB stand-in on {}, {}", connectionString(), storage);
    }

    /** Data lives only as long as this object. Port 0 picks a free port. */
    public static MongoStandIn inMemory(int port) {
        return new MongoStandIn(CopyingBackends.inMemory(), port, "data in memory");
    }

    /** Data lives in {@code file} (an H2 MVStore) and survives restarts. Port 0 picks a free port. */
    public static MongoStandIn persistent(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute, e);
        }
        return new MongoStandIn(CopyingBackends.persistent(absolute.toString()), port, "data in " + absolute);
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    /** Stops listening and closes the backend, which writes a persistent store to its file. */
    @Override
    public void close() {
        server.shutdown();
        log.info("MongoDB stand-in on {} stopped", connectionString());
    }
}
