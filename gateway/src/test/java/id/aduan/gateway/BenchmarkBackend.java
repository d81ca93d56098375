package id.aduan.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A backend for {@link GatewayOverheadBenchmark} that answers like intake, without intake's work:
 * a complaint as JSON for a GET, 201 with a tracking id for a POST, after {@code delay} (not on a
 * thread: an answer that takes time without taking a core). Non-blocking, on its own event loops,
 * so that it is never what limits the measurement.
 */
final class BenchmarkBackend {

    private static final byte[] COMPLAINT = """
            {"trackingId":"ADU-3F7KQ9M2XD","status":"ROUTED","title":"Jalan berlubang di Jl. Soekarno-Hatta",\
            "category":"INFRASTRUCTURE","agencyCode":"32.73.DPUPR","submittedAt":"2026-12-06T05:00:00Z",\
            "dueAt":"2026-12-11T05:00:00Z","history":[{"at":"2026-12-06T05:00:00Z","status":"SUBMITTED"},\
            {"at":"2026-12-06T05:00:01Z","status":"VERIFIED"},{"at":"2026-12-06T05:00:02Z","status":"ROUTED"}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private final Duration delay;
    private final LoopResources loops = LoopResources.create("backend", 2, true);
    private final AtomicLong sequence = new AtomicLong();
    private final DisposableServer server;

    BenchmarkBackend(Duration delay) {
        this.delay = delay;
        this.server = HttpServer.create().host("localhost").port(0).runOn(loops)
                .route(routes -> routes
                        .get("/api/v1/complaints/{id}", (request, response) -> later(response
                                .header("Content-Type", "application/json")
                                .sendByteArray(Mono.just(COMPLAINT))))
                        .post("/api/v1/complaints", (request, response) -> request.receive().then(Mono.defer(() -> {
                            String id = "ADU-%010d".formatted(sequence.incrementAndGet());
                            return later(response.status(201).header("Location", "/api/v1/complaints/" + id)
                                    .header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"trackingId\":\"" + id + "\"}")));
                        }))))
                .bindNow();
    }

    private Mono<Void> later(org.reactivestreams.Publisher<Void> answer) {
        return delay.isZero() ? Mono.from(answer) : Mono.delay(delay).then(Mono.from(answer));
    }

    String uri() {
        return "http://localhost:" + server.port();
    }

    Duration delay() {
        return delay;
    }

    void stop() {
        server.disposeNow();
        loops.dispose();
    }
}
