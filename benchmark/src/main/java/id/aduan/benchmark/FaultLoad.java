package id.aduan.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steady load of the fault-injection run (bench/faults.sh): through the gateway, {@code bench.rate}
 * citizen complaints a second (every fourth with a reporter's name and e-mail, so the checker can look
 * for them on the topics); every tenth second a legacy import of a complaint submitted a month ago,
 * whose verification deadline has passed, so the SLA service breaches it; and a coordinator's
 * verification of each citizen complaint five seconds after it was accepted.
 * <p>
 * Each request is retried with the same {@code Idempotency-Key} (the import with the same legacy id)
 * until it is answered, for at most {@code bench.retrySeconds}, as a client does while a service
 * restarts: a complaint is accepted once it was answered 2xx, and only then written to
 * {@code <runDir>/accepted.csv} (tracking id, kind, accepted at, and the step that followed).
 * Runs until {@code <runDir>/load-ended} exists, then waits for the retries in flight.
 */
public final class FaultLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VERIFY_AFTER = Duration.ofSeconds(5);
    private static final Duration BREACHED_AGE = Duration.ofDays(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final Tokens citizen;
    private final Tokens coordinator;
    private final Complaints complaints;
    private final PrintWriter accepted;
    private final Duration retryFor;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong failures = new AtomicLong();

    private FaultLoad(Path runDir) throws IOException {
        gateway = System.getProperty("bench.gateway", "http://localhost:8080");
        String authServer = System.getProperty("bench.authServer", "http://localhost:9000");
        citizen = new Tokens(authServer, System.getProperty("bench.client", "load-test:load-test-secret"));
        coordinator = new Tokens(authServer, System.getProperty("bench.coordinatorClient", "coordinator:coordinator-secret"));
        complaints = Complaints.from(Path.of(System.getProperty("bench.home", ".")));
        accepted = new PrintWriter(Files.newBufferedWriter(runDir.resolve("accepted.csv"), StandardCharsets.UTF_8), true);
        accepted.println("trackingId,kind,acceptedAt,step");
        retryFor = Duration.ofSeconds(Long.getLong("bench.retrySeconds", 300));
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(System.getProperty("bench.runDir", "."));
        double rate = Double.parseDouble(System.getProperty("bench.rate", "4"));
        FaultLoad load = new FaultLoad(runDir);
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(64);
        AtomicLong next = new AtomicLong();
        long periodNanos = (long) (1e9 / rate);
        long started = System.nanoTime();
        Path ended = runDir.resolve("load-ended");
        while (!Files.exists(ended)) {
            long n = next.getAndIncrement();
            clients.execute(() -> load.citizenComplaint(n, clients));
            if (n % Math.max(1, Math.round(rate * 10)) == 0) {
                clients.execute(() -> load.importedComplaint(n));
            }
            long sleep = started + (n + 1) * periodNanos - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        clients.shutdown();
        // Scheduled verifications still run after shutdown (the default policy); retries end within retrySeconds.
        clients.awaitTermination(load.retryFor.toSeconds() + 60, TimeUnit.SECONDS);
        System.out.printf("fault load: %d submissions sent, %d gave up after retrying%n", next.get(), load.failures.get());
    }

    private void citizenComplaint(long n, ScheduledExecutorService clients) {
        String body = complaints.body(n);
        JsonNode answer = send("submission " + n, () -> HttpRequest.newBuilder(URI.create(gateway + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + citizen.current())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "fault-" + runId + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String trackingId = answer == null ? "" : answer.path("trackingId").asText();
        if (trackingId.isEmpty()) {
            return;
        }
        boolean anonymous = body.contains("\"anonymous\":true");
        clients.schedule(() -> verify(trackingId, anonymous), VERIFY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void verify(String trackingId, boolean anonymous) {
        String body = "{\"classification\":\"COMPLAINT_NO_SUPERVISORY_WEIGHT\",\"anonymous\":%s,\"confidential\":false}".formatted(anonymous);
        JsonNode answer = send("verification of " + trackingId, () -> HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/complaints/" + trackingId + "/verification"))
                .header("Authorization", "Bearer " + coordinator.current())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        // A retry after a lost answer finds the step done: 409 naming the status it led to.
        boolean verified = answer != null && (answer.path("status").asInt(200) != 409
                || answer.path("complaintStatus").asText().equals("VERIFIED"));
        record(trackingId, "citizen", verified ? "verified" : "submitted");
    }

    private void importedComplaint(long n) {
        String history = complaints.history(n, Instant.now().minus(BREACHED_AGE).toString())
                .replace("\"legacyId\":\"" + n + "\"", "\"legacyId\":\"" + runId + "-" + n + "\"")
                .replace("BENCH-SEED", "BENCH-FAULTS");
        JsonNode answer = send("import " + n, () -> HttpRequest.newBuilder(URI.create(gateway + "/api/v1/imports"))
                .header("Authorization", "Bearer " + coordinator.current())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(history)));
        if (answer != null) {
            // A retry after a lost answer finds the import done: ALREADY_IMPORTED names the same complaint.
            record(answer.path("lines").path(0).path("trackingId").asText(), "imported", "submitted");
        }
    }

    private synchronized void record(String trackingId, String kind, String step) {
        accepted.printf("%s,%s,%s,%s%n", trackingId, kind, Instant.now(), step);
    }

    /** The answer's JSON once a 2xx or a 409 problem came, or null when none came within the retry time (counted). */
    private JsonNode send(String what, java.util.function.Supplier<HttpRequest.Builder> request) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMillis = 500;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request.get().timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() == 409) {
                    return JSON.readTree(response.body()); // the problem says which state the complaint is in
                }
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() / 100 == 4 && response.statusCode() != 429 && response.statusCode() != 401) {
                    break; // refused: retrying changes nothing
                }
            } catch (IOException | RuntimeException e) { // a service restarting, or no token while the auth server is away
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            backoffMillis = Math.min(5_000, backoffMillis * 2);
        }
        failures.incrementAndGet();
        System.out.printf("fault load: %s not done: %.300s%n", what, last);
        return null;
    }
}
