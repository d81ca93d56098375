package id.aduan.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running inside this
 * JVM from the Kafka jars, with its log in a directory of its own so that data survives restarts.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaKraftBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private boolean closed;

    private KafkaKraftBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a single-node KRaft broker whose log lives in {@code dataDir}; formats {@code dataDir} on
     * first use and reuses it afterwards so data survives restarts. Port 0 picks a free port.
     */
    public static KafkaKraftBroker start(Path dataDir, int port, int controllerPort) {
        long startedAt = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath();
        int[] ports = LocalPorts.resolve(port, controllerPort);
        LocalPorts.requireFree(ports[0], "Kafka");
        LocalPorts.requireFree(ports[1], "the Kafka controller");
        KafkaConfig config = new KafkaConfig(settings(logDir, ports[0], ports[1]), false);
        formatOnFirstUse(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (Exception e) {
            // Exception, not RuntimeException: Kafka's Scala code throws checked exceptions undeclared.
            shutDown(server);
            throw e;
        }
        log.info("Kafka broker on localhost:{} started in {} ms, log in {}",
                ports[0], (System.nanoTime() - startedAt) / 1_000_000, logDir);
        return new KafkaKraftBroker(server, ports[0]);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Shuts the broker down cleanly and waits until it has. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutDown(server);
        log.info("Kafka broker on localhost:{} stopped", port);
    }

    /** Shuts down completely even when the caller was interrupted, as on a Ctrl-C during start-up. */
    private static void shutDown(KafkaRaftServer server) {
        boolean interrupted = Thread.interrupted();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> settings(Path logDir, int port, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", NODE_ID),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", 3),
                Map.entry("offsets.topic.replication.factor", (short) 1),
                Map.entry("transaction.state.log.replication.factor", (short) 1),
                Map.entry("transaction.state.log.min.isr", 1),
                Map.entry("group.initial.rebalance.delay.ms", 0),
                Map.entry("auto.create.topics.enable", true));
    }

    /** Does in-process what {@code kafka-storage.sh format} does, once: meta.properties keeps the cluster id. */
    private static void formatOnFirstUse(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
    }
}
