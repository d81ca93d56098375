package id.aduan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Stores N complaints before the load, through the documented legacy import (docs/imports.md,
 * {@code POST /api/v1/imports} on intake, a coordinator's token): histories that stop after
 * submission, so intake records the same ComplaintSubmitted a live complaint gets and routing, SLA
 * and reporting handle each like a live one. Batches of {@code bench.seedBatch} histories, a few at
 * a time; then waits until every consumer group has caught up, so the load starts on a quiet suite.
 * Writes {@code <runDir>/seed.md} with the time per 10,000.
 */
public final class Seed {

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(System.getProperty("bench.runDir", "."));
        long count = Long.getLong("bench.seed", 10_000);
        int batch = Integer.getInteger("bench.seedBatch", 2_000);
        int parallel = Integer.getInteger("bench.seedParallel", 2);
        Complaints complaints = Complaints.from(Path.of(System.getProperty("bench.home", ".")));
        Tokens coordinator = new Tokens(System.getProperty("bench.authServer", "http://localhost:9000"),
                System.getProperty("bench.seedClient", "coordinator:coordinator-secret"));
        URI imports = URI.create(System.getProperty("bench.intake", "http://localhost:8081") + "/api/v1/imports");
        // Submitted in the past (an import refuses future times), a second apart, so the history reads as months of complaints.
        Instant firstSubmission = Instant.now().minusSeconds(count + 3600);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(parallel);
        long started = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        for (long from = 0; from < count; from += batch) {
            long first = from;
            long last = Math.min(count, from + batch);
            answers.add(senders.submit(() -> {
                String lines = LongStream.range(first, last)
                        .mapToObj(n -> complaints.history(n, firstSubmission.plusSeconds(n).toString()))
                        .collect(Collectors.joining("\n"));
                HttpRequest request = HttpRequest.newBuilder(imports)
                        .header("Authorization", "Bearer " + coordinator.current())
                        .header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofString(lines))
                        .build();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200 || answer.body().contains("\"REJECTED\"")) {
                    throw new IllegalStateException("import of %d..%d answered %d: %.500s".formatted(first, last, answer.statusCode(), answer.body()));
                }
                System.out.printf("seed: %,d of %,d imported after %.0f s%n", last, count, (System.nanoTime() - started) / 1e9);
                return answer.body();
            }));
        }
        for (Future<String> answer : answers) {
            answer.get();
        }
        senders.shutdown();
        double imported = (System.nanoTime() - started) / 1e9;
        double drained = awaitCaughtUp(System.getProperty("bench.kafka", "localhost:9092"), started,
                Duration.ofSeconds(Long.getLong("bench.seedDrainSeconds", 3600)));
        String md = """
                ### Seed: %,d complaints stored before the load
                Path: the legacy import (docs/imports.md) on intake, batches of %,d histories, %d at a time; each history \
                stops after submission, so it becomes the same ComplaintSubmitted as a live complaint and is routed, \
                clocked and counted like one.
                Imported in %.0f s (%.1f s per 10,000); every consumer group caught up after %s.
                """.formatted(count, batch, parallel, imported, imported * 10_000 / count,
                drained < 0 ? "more than the wait allowed (still behind)" : "%.0f s (%.1f s per 10,000)".formatted(drained, drained * 10_000 / count));
        Files.writeString(runDir.resolve("seed.md"), md);
        System.out.print(md);
    }

    /** Seconds from {@code started} until no consumer group lags behind, or -1 after {@code timeout}. */
    static double awaitCaughtUp(String bootstrapServers, long started, Duration timeout)
            throws InterruptedException, ExecutionException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(properties)) {
            while (System.nanoTime() < deadline) {
                long lag = 0;
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                    for (var entry : committed.entrySet()) {
                        OffsetAndMetadata offset = entry.getValue();
                        TopicPartition partition = entry.getKey();
                        lag += offset == null ? 0 : Math.max(0, ends.get(partition).offset() - offset.offset());
                    }
                }
                if (lag == 0) {
                    return (System.nanoTime() - started) / 1e9;
                }
                System.out.printf("bench: consumers %,d events behind after %.0f s%n", lag, (System.nanoTime() - started) / 1e9);
                Thread.sleep(5_000);
            }
        }
        return -1;
    }
}
