package id.aduan.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code ./aduan restart|kill|scale|redeliver|status} asks of a running launcher: a small HTTP
 * server on the loopback address only, answering requests that carry the token the launcher wrote
 * to {@code <data>/launcher/control-token} (readable by its owner only), so only the user who runs the
 * suite can restart it. One request at a time: operations on the same processes must not overlap.
 */
final class ControlServer implements AutoCloseable {

    static final int PORT = 8079;
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
    private static final Pattern PATH = Pattern.compile("/(services|stores)/([a-z-]+)/(restart|kill|instances|redeliver)");

    private final HttpServer server;
    private final byte[] token;
    private final ServiceProcesses services;
    private final Stores stores;
    private final String kafkaBootstrapServers;

    private ControlServer(HttpServer server, byte[] token, ServiceProcesses services, Stores stores, String kafkaBootstrapServers) {
        this.server = server;
        this.token = token;
        this.services = services;
        this.stores = stores;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    static ControlServer start(Path dataDir, ServiceProcesses services, Stores stores) {
        try {
            String token = HexFormat.of().formatHex(randomBytes());
            writeToken(tokenFile(dataDir), token);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
            ControlServer control = new ControlServer(server, token.getBytes(StandardCharsets.US_ASCII), services, stores,
                    stores.kafka().bootstrapServers());
            server.createContext("/", control::handle);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "aduan-control");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's control port " + PORT + " is not free", e);
        }
    }

    static Path tokenFile(Path dataDir) {
        return dataDir.resolve("launcher").resolve("control-token");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] presented = authorization == null ? new byte[0] : authorization.replaceFirst("^Bearer ", "").getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(presented, token)) {
                answer(exchange, 401, "the control token of this data directory is needed (./aduan --data-dir=DIR ...)");
                return;
            }
            URI uri = exchange.getRequestURI();
            try {
                if (exchange.getRequestMethod().equals("GET") && uri.getPath().equals("/status")) {
                    answer(exchange, 200, String.join("\n", services.status()));
                    return;
                }
                Matcher matcher = PATH.matcher(uri.getPath());
                if (!exchange.getRequestMethod().equals("POST") || !matcher.matches()) {
                    answer(exchange, 404, "unknown operation " + exchange.getRequestMethod() + " " + uri.getPath());
                    return;
                }
                answer(exchange, 200, perform(matcher.group(1), matcher.group(2), matcher.group(3), uri.getQuery()));
            } catch (IllegalArgumentException e) {
                answer(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("{} {} failed", exchange.getRequestMethod(), uri, e);
                answer(exchange, 500, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(exchange, 503, "the launcher is stopping");
            }
        }
    }

    private String perform(String kind, String name, String operation, String query) throws InterruptedException {
        if (kind.equals("stores")) {
            if (!operation.equals("restart")) {
                throw new IllegalArgumentException("a store can only be restarted");
            }
            stores.restart(name);
            return name + " restarted";
        }
        switch (operation) {
            case "restart":
                services.restart(name);
                return name + " restarted and ready";
            case "kill":
                List<Long> pids = services.kill(name);
                log.warn("{} killed on request (pids {}): it will be restarted as after a crash", name, pids);
                return name + " killed (pids " + pids + "); the launcher restarts it";
            case "instances":
                int count = Integer.parseInt(parameter(query, "count"));
                services.scale(name, count);
                return name + " runs " + count + " instance(s)";
            case "redeliver":
                Instant since = Instant.parse(parameter(query, "since"));
                List<String> moved = Redelivery.rewind(kafkaBootstrapServers, name, since, services);
                return name + " gets every event since " + since + " again: " + String.join(", ", moved);
            default:
                throw new IllegalArgumentException("unknown operation " + operation);
        }
    }

    private static String parameter(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        throw new IllegalArgumentException("the parameter " + name + " is missing");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void writeToken(Path file, String token) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own access rules apply.
        }
        Files.writeString(file, token);
    }
}
