package id.aduan.routing.subscription;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agency's webhook endpoint on loopback: it records every call and answers 200 while up, 503
 * while down, as a receiver that is being deployed or has crashed would. A slow one takes a while
 * over each call before answering.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived, and what it was answered. */
    public record Call(Map<String, List<String>> headers, byte[] body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean delivered() {
            return answered == 200;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicBoolean up;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    public WebhookReceiver(boolean up) {
        this(up, Duration.ZERO);
    }

    public WebhookReceiver(boolean up, Duration answerAfter) {
        this.up = new AtomicBoolean(up);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            int status;
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                status = this.up.get() ? 200 : 503;
                calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body, status));
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            } finally {
                // Before answering: a caller that waits for the answer may send its next call at once,
                // and that call must not count as arriving while this one was still being answered.
                inFlight.decrementAndGet();
            }
            try (exchange) {
                exchange.sendResponseHeaders(status, -1);
            }
        });
        // Several threads, so that calls arriving together would be seen together.
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void comeUp() {
        up.set(true);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The most calls this receiver was answering at the same time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    public List<Call> deliveries() {
        return calls.stream().filter(Call::delivered).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
