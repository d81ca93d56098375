package id.aduan.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the infrastructure alone does on this machine, so the suite's figures read as ratios: a plain
 * KafkaProducer and KafkaConsumer moving the benchmark's complaints (as CloudEvents, keyed by complaint
 * id, six partitions) through the suite's broker, and point writes and reads on each store (the MongoDB
 * stand-in: insertOne and find by _id; PostgreSQL: INSERT and SELECT by primary key, when one listens).
 * One thread each, as a consumer or a command handler works. Writes {@code <runDir>/baselines.md}.
 */
public final class Baselines {

    private static final String TOPIC = "bench.baseline";

    private final Complaints complaints;
    private final int records;
    private final int points;

    private Baselines(Complaints complaints, int records, int points) {
        this.complaints = complaints;
        this.records = records;
        this.points = points;
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(System.getProperty("bench.runDir", "."));
        Baselines baselines = new Baselines(Complaints.from(Path.of(System.getProperty("bench.home", "."))),
                Integer.getInteger("bench.baselineRecords", 20_000), Integer.getInteger("bench.baselinePoints", 5_000));
        StringBuilder md = new StringBuilder("### Baselines (same machine, same run; one thread each)\n\n")
                .append("| what | operations | per second | p50 | p99 |\n|---|---|---|---|---|\n");
        md.append(baselines.kafka(System.getProperty("bench.kafka", "localhost:9092")));
        md.append(baselines.mongo(System.getProperty("bench.mongo", "mongodb://localhost:27017")));
        md.append(baselines.postgres(System.getProperty("bench.postgresUrl", "jdbc:postgresql://localhost:5432/postgres"),
                System.getProperty("bench.postgresUser", "postgres"), System.getProperty("bench.postgresPassword", "")));
        Files.writeString(runDir.resolve("baselines.md"), md.toString());
        System.out.print(md);
    }

    /** The n-th complaint as a CloudEvent like intake's ComplaintSubmitted, about the same size. */
    private String event(long n) {
        String id = "ADU-BENCH" + n;
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "-1\",\"source\":\"urn:aduan:intake-service\",\"type\":\"aduan.complaint.submitted.v1\","
                + "\"subject\":\"" + id + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + complaints.body(n) + "}";
    }

    private String kafka(String bootstrapServers) throws InterruptedException, ExecutionException {
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminProperties)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long[] latencies = new long[records];
        AtomicLong consumedAt = new AtomicLong();
        Thread consumerThread;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            consumerThread = new Thread(() -> {
                int seen = 0;
                while (seen < records) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        latencies[seen++] = System.currentTimeMillis() - record.timestamp();
                    }
                }
                consumedAt.set(System.nanoTime());
            }, "baseline-consumer");
            Properties producerProperties = new Properties();
            producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            long started;
            long produced;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer())) {
                consumerThread.start();
                started = System.nanoTime();
                for (int n = 0; n < records; n++) {
                    producer.send(new ProducerRecord<>(TOPIC, "ADU-BENCH" + n, event(n)));
                }
                producer.flush();
                produced = System.nanoTime();
            }
            consumerThread.join(Duration.ofMinutes(5).toMillis());
            Arrays.sort(latencies);
            return row("Kafka: produce (acks=all, keyed, async)", records, produced - started, null)
                    + row("Kafka: produce → consume", records, consumedAt.get() - started, latencies);
        }
    }

    private String mongo(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> points = client.getDatabase("bench-baseline").getCollection("points");
            points.drop();
            long[] writes = new long[this.points];
            long[] reads = new long[this.points];
            long started = System.nanoTime();
            for (int n = 0; n < this.points; n++) {
                long at = System.nanoTime();
                points.insertOne(Document.parse(complaints.body(n)).append("_id", "ADU-BENCH" + n));
                writes[n] = System.nanoTime() - at;
            }
            long written = System.nanoTime();
            for (int n = 0; n < this.points; n++) {
                long at = System.nanoTime();
                if (points.find(Filters.eq("_id", "ADU-BENCH" + n)).first() == null) {
                    throw new IllegalStateException("the MongoDB stand-in lost ADU-BENCH" + n);
                }
                reads[n] = System.nanoTime() - at;
            }
            long read = System.nanoTime();
            points.drop();
            return row("MongoDB stand-in: insertOne", this.points, written - started, micros(writes))
                    + row("MongoDB stand-in: find by _id", this.points, read - written, micros(reads));
        }
    }

    private String postgres(String url, String user, String password) throws SQLException {
        URI address = URI.create(url.substring("jdbc:".length()));
        if (!listening(address.getHost(), address.getPort() < 0 ? 5432 : address.getPort())) {
            String skipped = "no PostgreSQL at %s:%d: the JDBC baseline is skipped".formatted(address.getHost(), address.getPort());
            System.out.println(skipped);
            return "| PostgreSQL | %s | | | |%n".formatted(skipped);
        }
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_baseline");
            ddl.execute("CREATE TABLE bench_baseline (id text PRIMARY KEY, body text NOT NULL)");
            long[] writes = new long[points];
            long[] reads = new long[points];
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_baseline (id, body) VALUES (?, ?)")) {
                for (int n = 0; n < points; n++) {
                    long at = System.nanoTime();
                    insert.setString(1, "ADU-BENCH" + n);
                    insert.setString(2, complaints.body(n));
                    insert.executeUpdate();
                    writes[n] = System.nanoTime() - at;
                }
            }
            long written = System.nanoTime();
            try (PreparedStatement select = connection.prepareStatement("SELECT body FROM bench_baseline WHERE id = ?")) {
                for (int n = 0; n < points; n++) {
                    long at = System.nanoTime();
                    select.setString(1, "ADU-BENCH" + n);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("PostgreSQL lost ADU-BENCH" + n);
                        }
                    }
                    reads[n] = System.nanoTime() - at;
                }
            }
            long read = System.nanoTime();
            ddl.execute("DROP TABLE bench_baseline");
            return row("PostgreSQL: INSERT (autocommit)", points, written - started, micros(writes))
                    + row("PostgreSQL: SELECT by primary key", points, read - written, micros(reads));
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static long[] micros(long[] nanos) {
        return Arrays.stream(nanos).map(n -> n / 1_000).sorted().toArray();
    }

    /** {@code sorted}: latencies in ms for Kafka, in µs for the stores (both sorted), or null. */
    private static String row(String what, int operations, long nanos, long[] sorted) {
        boolean micros = sorted != null && !what.startsWith("Kafka");
        return "| %s | %,d | %,.0f | %s | %s |%n".formatted(what, operations, operations / (nanos / 1e9),
                percentile(sorted, 50, micros), percentile(sorted, 99, micros));
    }

    private static String percentile(long[] sorted, int percentile, boolean micros) {
        if (sorted == null || sorted.length == 0) {
            return "";
        }
        long value = sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
        return micros ? "%.2f ms".formatted(value / 1000.0) : "%d ms".formatted(value);
    }
}
