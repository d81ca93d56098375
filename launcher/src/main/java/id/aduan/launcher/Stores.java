package id.aduan.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import id.aduan.localinfra.KafkaKraftBroker;
import id.aduan.localinfra.MongoStandIn;
import id.aduan.localinfra.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's stores, in this JVM on their fixed ports: PostgreSQL, the MongoDB stand-in
 * and the Kafka broker. Each can be restarted on the same data and port while the services run, as
 * the fault-injection run does (docs/benchmarks.md); they reconnect by themselves.
 */
final class Stores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stores.class);
    static final int MONGO_PORT = 27017;
    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;

    /** Each store's start, in start order; a restart calls it again. */
    private final Map<String, Supplier<AutoCloseable>> starts = new LinkedHashMap<>();
    private final Map<String, AutoCloseable> running = new LinkedHashMap<>();

    private Stores() {
    }

    /** Starts every store on {@code dataDir}; if one fails, stops those already started. */
    static Stores start(Path dataDir) {
        Stores stores = new Stores();
        // Durable commits: a complaint whose tracking id was handed out must survive a crash.
        stores.starts.put("postgres", () -> PostgresServer.start(dataDir.resolve("postgres"), POSTGRES_PORT, true));
        stores.starts.put("mongo", () -> MongoStandIn.persistent(dataDir.resolve("mongo").resolve("aduan"), MONGO_PORT));
        stores.starts.put("kafka", () -> KafkaKraftBroker.start(dataDir.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT));
        try {
            stores.starts.forEach((name, start) -> stores.running.put(name, start.get()));
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        return stores;
    }

    static Set<String> names() {
        return Set.of("postgres", "mongo", "kafka");
    }

    PostgresServer postgres() {
        return (PostgresServer) running.get("postgres");
    }

    MongoStandIn mongo() {
        return (MongoStandIn) running.get("mongo");
    }

    KafkaKraftBroker kafka() {
        return (KafkaKraftBroker) running.get("kafka");
    }

    /** Stops a store (as its own shutdown does: committed data stays) and starts it again on the same data and port. */
    synchronized void restart(String name) {
        Supplier<AutoCloseable> start = starts.get(name);
        if (start == null) {
            throw new IllegalArgumentException("no store named " + name + "; the stores are " + names());
        }
        log.info("Restarting {}", name);
        stop(running.remove(name));
        running.put(name, start.get());
        log.info("{} restarted", name);
    }

    /** Stops the stores in reverse order of start. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> stopping = new ArrayList<>(running.values());
        Collections.reverse(stopping);
        running.clear();
        stopping.forEach(Stores::stop);
    }

    private static void stop(AutoCloseable store) {
        try {
            store.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", store.getClass().getSimpleName(), e.getMessage());
        }
    }
}
