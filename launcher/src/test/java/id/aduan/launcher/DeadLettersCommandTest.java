package id.aduan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aduan dead-letters} against a stand-in for the gateway and the authorization server. */
class DeadLettersCommandTest {

    private static final String LETTER = """
            {"dlqPartition":0,"dlqOffset":4,"eventId":"9b2e","type":"aduan.complaint.routed.v1","subject":"ADU-3F7KQ9M2XD",
             "originalTopic":"aduan.routing","originalPartition":2,"originalOffset":15,"consumerGroup":"intake-service",
             "error":"agency directory is down","deadLetteredAt":"2026-12-06T14:00:00Z","redrivenAt":null,"resolved":false}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            String client = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8);
            requests.add("token " + client);
            answer(exchange, client.startsWith("coordinator:") || client.startsWith("ops:") ? 200 : 401,
                    "{\"access_token\":\"t0k3n\",\"token_type\":\"Bearer\"}");
        });
        server.createContext("/api/v1/dead-letters/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/unknown/redrive")) {
                answer(exchange, 404, "{\"status\":404,\"detail\":\"No dead letter of aduan.dlq.intake-service has event id unknown.\"}");
            } else if (path.endsWith("/9b2e/redrive")) {
                answer(exchange, 200, "[" + LETTER.replace("\"redrivenAt\":null", "\"redrivenAt\":\"2026-12-06T15:00:00Z\"") + "]");
            } else if (path.endsWith("/redrive")) {
                answer(exchange, 200, "{\"redriven\":[\"9b2e\"],\"failed\":[]}");
            } else {
                answer(exchange, 200, path.endsWith("/intake-service") ? "[" + LETTER + "]" : "[]");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listsEveryServicesLettersAsTheCoordinator() {
        assertThat(run(Map.of())).isZero();
        assertThat(out.toString()).contains("intake-service: 1 dead letters, 1 unresolved")
                .contains("UNRESOLVED").contains("9b2e").contains("aduan.routing[2]@15").contains("agency directory is down")
                .contains("routing-service: 0 dead letters").contains("sla-service").contains("reporting-service");
        assertThat(requests).containsOnlyOnce("token coordinator:coordinator-secret")
                .contains("GET /api/v1/dead-letters/intake-service Bearer t0k3n");
    }

    @Test
    void redrivesOneOrAllWithTheClientFromTheEnvironment() {
        Map<String, String> env = Map.of("ADUAN_CLIENT_ID", "ops", "ADUAN_CLIENT_SECRET", "s3cret");
        assertThat(run(env, "intake", "redrive", "9b2e")).isZero();
        assertThat(out.toString()).contains("re-driven  9b2e at 2026-12-06T15:00:00Z");
        assertThat(run(env, "intake-service", "redrive", "--all")).isZero();
        assertThat(out.toString()).contains("intake-service: 1 re-driven, 0 failed again");
        assertThat(requests).contains("token ops:s3cret", "POST /api/v1/dead-letters/intake-service/9b2e/redrive Bearer t0k3n",
                "POST /api/v1/dead-letters/intake-service/redrive Bearer t0k3n");
    }

    @Test
    void aRefusalShowsTheProblemsDetailAndBadArgumentsTheUsage() {
        assertThat(run(Map.of(), "intake", "redrive", "unknown")).isEqualTo(1);
        assertThat(err.toString()).contains("404").contains("has event id unknown");
        assertThat(run(Map.of("ADUAN_CLIENT_ID", "citizen-app"), "intake")).isEqualTo(1);
        assertThat(err.toString()).contains("refused client citizen-app");
        assertThat(run(Map.of(), "gateway")).isEqualTo(2);
        assertThat(run(Map.of(), "intake", "delete", "9b2e")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: aduan dead-letters");
    }

    private int run(Map<String, String> env, String... args) {
        URI stand = URI.create("http://localhost:" + server.getAddress().getPort());
        return new DeadLettersCommand(stand, stand, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(List.of(args));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }
}
