package id.aduan.gateway;

import id.aduan.testkit.AduanServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway costs: the same requests straight to a backend and through the gateway in front
 * of it, at rising concurrency. Not run by {@code ./mvnw verify} (no IT/Test suffix); run it with
 * {@code ./mvnw -o -pl gateway -am verify -Dit.test=GatewayOverheadBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. It prints a
 * Markdown table and writes it to {@code gateway/target/gateway-overhead.md}.
 *
 * <p>System properties: {@code bench.concurrency} (1,8,32), {@code bench.seconds} measured per point
 * (10), {@code bench.warmup} seconds (5), {@code bench.backend-delay-ms} the backend's answer time (0),
 * {@code bench.kinds} what is sent (read,read-token,submit).
 */
@AduanServiceTest
class GatewayOverheadBenchmark {

    private static final BenchmarkBackend BACKEND = new BenchmarkBackend(Duration.ofMillis(Long.getLong("bench.backend-delay-ms", 0)));
    private static final String LOAD_TEST_CLIENT = "load-test";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "routing", "sla", "reporting")) {
            registry.add("aduan.services." + service, BACKEND::uri);
        }
        // Production limits, but the load-test client unlimited, as the suite's benchmark runs (docs/security.md).
        registry.add("aduan.gateway.rate-limits.apps." + LOAD_TEST_CLIENT, () -> 0);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop();
    }

    @Test
    void directAndThroughTheGateway() throws IOException {
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,8,32").split(","))
                .mapToInt(value -> Integer.parseInt(value.trim())).toArray();
        Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        String token = Tokens.app(LOAD_TEST_CLIENT);
        String gateway = "http://localhost:" + port;
        AtomicInteger sequence = new AtomicInteger();

        List<String> rows = new ArrayList<>();
        rows.add("| request | concurrency | direct req/s | gateway req/s | ratio | direct p50 ms | gateway p50 ms | p50 overhead ms | direct p99 ms | gateway p99 ms | gateway CPU µs/req |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String kind : System.getProperty("bench.kinds", "read,read-token,submit").split(",")) {
            for (int concurrency : concurrencies) {
                Result direct = null;
                Result through = null;
                for (String base : List.of(BACKEND.uri(), gateway)) {
                    URI complaint = URI.create(base + "/api/v1/complaints/ADU-3F7KQ9M2XD");
                    Supplier<HttpRequest> requests = switch (kind) {
                        case "read" -> () -> HttpRequest.newBuilder(complaint).GET().build();
                        // A read with a token: validated like a submission's, without the rate limit and the audit trail.
                        case "read-token" -> () -> HttpRequest.newBuilder(complaint).header("Authorization", "Bearer " + token).GET().build();
                        case "submit" -> () -> HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(complaint(sequence.incrementAndGet()))).build();
                        default -> throw new IllegalArgumentException("bench.kinds: read, read-token or submit, not " + kind);
                    };
                    LoadLoop.run(requests, concurrency, warmup);
                    Result result = LoadLoop.run(requests, concurrency, measured);
                    if (base.equals(gateway)) {
                        through = result;
                    } else {
                        direct = result;
                    }
                }
                rows.add("| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |".formatted(kind, concurrency,
                        direct.perSecond(), through.perSecond(), through.perSecond() / direct.perSecond(),
                        direct.p50(), through.p50(), through.p50() - direct.p50(), direct.p99(), through.p99(),
                        through.gatewayCpuMicrosPerRequest()));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        String table = "Backend answer time %d ms, %d s per point after %d s warm-up, %d cores; errors: %d direct, %d gateway.%n%n%s%n"
                .formatted(BACKEND.delay().toMillis(), measured.toSeconds(), warmup.toSeconds(),
                        Runtime.getRuntime().availableProcessors(), LoadLoop.errors(BACKEND.uri()), LoadLoop.errors(gateway),
                        String.join(System.lineSeparator(), rows));
        System.out.println(table);
        Files.writeString(Path.of("target", "gateway-overhead.md"), table);
    }

    private static String complaint(int n) {
        return """
                {"title":"Jalan berlubang di Jl. Soekarno-Hatta no. %d","description":"Lubang besar di lajur kiri sejak dua minggu, \
                membahayakan pengendara motor terutama malam hari. Sudah ada dua kecelakaan.","category":"INFRASTRUCTURE",\
                "channel":"WEB","location":{"provinceCode":"32","regencyCode":"32.73","latitude":-6.9389,"longitude":107.6694},\
                "reporter":{"name":"Warga %d","phone":"+62812%07d","anonymous":false}}""".formatted(n, n, n);
    }

    /**
     * Throughput and latency percentiles of one measured run, and the CPU time the gateway's threads
     * spent per request: unlike throughput, hardly disturbed by other processes on a shared machine.
     */
    record Result(double perSecond, double p50, double p99, double gatewayCpuMicrosPerRequest) {
    }

    /** Closed-model load: {@code concurrency} threads, each sending its next request when the last is answered. */
    static final class LoadLoop {

        private static final java.util.Map<String, AtomicInteger> ERRORS = new java.util.concurrent.ConcurrentHashMap<>();
        /** One client per load thread, kept across runs: each keeps its own keep-alive connection, as a real caller would. */
        private static final List<HttpClient> CLIENTS = new ArrayList<>();

        private static synchronized HttpClient client(int index) {
            while (CLIENTS.size() <= index) {
                CLIENTS.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            }
            return CLIENTS.get(index);
        }

        static Result run(Supplier<HttpRequest> requests, int concurrency, Duration duration) {
            long[][] latencies = new long[concurrency][];
            int[] counts = new int[concurrency];
            List<Thread> threads = new ArrayList<>();
            long cpuBefore = gatewayCpuNanos();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int t = 0; t < concurrency; t++) {
                int index = t;
                HttpClient client = client(index);
                latencies[index] = new long[1 << 16];
                threads.add(new Thread(() -> {
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.get();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() >= 300) {
                                ERRORS.computeIfAbsent(base(request), key -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (IOException e) {
                            ERRORS.computeIfAbsent(base(request), key -> new AtomicInteger()).incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (counts[index] == latencies[index].length) {
                            latencies[index] = Arrays.copyOf(latencies[index], latencies[index].length * 2);
                        }
                        latencies[index][counts[index]++] = System.nanoTime() - sent;
                    }
                }, "load-" + index));
            }
            threads.forEach(Thread::start);
            threads.forEach(thread -> {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = new long[Arrays.stream(counts).sum()];
            int filled = 0;
            for (int t = 0; t < concurrency; t++) {
                System.arraycopy(latencies[t], 0, all, filled, counts[t]);
                filled += counts[t];
            }
            Arrays.sort(all);
            return new Result(all.length / seconds, percentile(all, 0.50), percentile(all, 0.99),
                    (gatewayCpuNanos() - cpuBefore) / 1e3 / Math.max(1, all.length));
        }

        /** CPU time of the threads the gateway works on (its event loops and Reactor's schedulers), not the backend's or the load's. */
        private static long gatewayCpuNanos() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long total = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && java.util.stream.Stream.of("webflux-http", "reactor-http", "parallel", "boundedElastic")
                        .anyMatch(info.getThreadName()::startsWith)) {
                    total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return total;
        }

        static int errors(String base) {
            return ERRORS.getOrDefault(base, new AtomicInteger()).get();
        }

        private static String base(HttpRequest request) {
            URI uri = request.uri();
            return uri.getScheme() + "://" + uri.getAuthority();
        }

        private static double percentile(long[] sorted, double quantile) {
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
        }
    }
}
