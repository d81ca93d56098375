package id.aduan.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for a service behind the gateway: answers 200 with its own name and records what reached it. */
final class StubService {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    StubService(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] answer = name.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().startsWith("/api/v1/public/")) {
                // As reporting answers its public statistics: cacheable by anyone.
                exchange.getResponseHeaders().set("Cache-Control", "max-age=300, public");
            }
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<String> requests() {
        return requests;
    }

    /** The W3C trace context each request arrived with, in order ("null" without one). */
    List<String> traceparents() {
        return traceparents;
    }

    void stop() {
        server.stop(0);
    }
}
