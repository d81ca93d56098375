package id.aduan.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link ServiceProcessesTest}: answers {@code /actuator/health/readiness}
 * on {@code --server.port}, with 503 until {@code --stub.ready-after-ms} have passed, or fails at once
 * with {@code --stub.exit-code}. Uses only the JDK, so the test can put this one class in a jar.
 */
public final class ReadinessStub {

    private ReadinessStub() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Arrays.stream(args)
                .map(arg -> arg.substring(2).split("=", 2))
                .collect(Collectors.toMap(option -> option[0], option -> option[1]));
        if (options.containsKey("stub.exit-code")) {
            System.out.println("stub failing on purpose");
            System.exit(Integer.parseInt(options.get("stub.exit-code")));
        }
        int port = Integer.parseInt(options.get("server.port"));
        long readyAt = System.nanoTime() + Long.parseLong(options.getOrDefault("stub.ready-after-ms", "0")) * 1_000_000;
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(System.nanoTime() - readyAt >= 0 ? 200 : 503, -1);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stub stopped gracefully")));
        server.start();
        System.out.println("stub listening on port " + port);
    }
}
