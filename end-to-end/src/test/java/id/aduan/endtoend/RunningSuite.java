package id.aduan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.launcher.ServiceProcesses;
import id.aduan.launcher.Suite;
import id.aduan.localinfra.LocalPorts;
import id.aduan.testkit.Infrastructure;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The authorization server and the five services, each its own process started from its jar as the
 * launcher starts it, on the test kit's Kafka, MongoDB, PostgreSQL and mail server, with fresh databases; and the calls a
 * user makes to it: tokens from the authorization server, requests through the gateway.
 *
 * <p>One suite serves every scenario of a test run: a scenario class takes it as a parameter of its
 * {@code @BeforeAll} method ({@link Shared}); the first one starts it, the end of the run stops it. So
 * a scenario works on data of its own (its complaints, its region), never on counts the others change,
 * and adding one adds no suite start.
 */
final class RunningSuite implements ExtensionContext.Store.CloseableResource {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A service that stops answering fails the test instead of hanging it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Suite suite;
    private final ServiceProcesses services;

    private RunningSuite(Suite suite, ServiceProcesses services) {
        this.suite = suite;
        this.services = services;
    }

    /**
     * Gives the scenarios' {@code @BeforeAll} methods the one running suite, started at the first request and
     * stopped when the test run ends (JUnit closes what the root context's store holds).
     */
    static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSuite.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningSuite.class, key -> {
                try {
                    return start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, RunningSuite.class);
        }
    }

    private static RunningSuite start() throws IOException {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, Integer> ports = new HashMap<>();
        Suite.MODULES.forEach(module -> ports.put(module, LocalPorts.free()));
        Path dataDir = Files.createTempDirectory("aduan-e2e-");
        // The test JVM's own infrastructure: its databases are new.
        Suite suite = new Suite(ports, infrastructure.kafkaBootstrapServers(), infrastructure::mongoUri,
                new Suite.Postgres(infrastructure::jdbcUrl, infrastructure.jdbcUsername(), infrastructure.jdbcPassword()),
                infrastructure.mailServer().smtpPort(), dataDir);
        return new RunningSuite(suite,
                ServiceProcesses.start(repositoryRoot(), suite.services(), dataDir.resolve("logs"), Duration.ofSeconds(300)));
    }

    @Override
    public void close() {
        services.close();
    }

    /** A page of the web app, as people open it: through the gateway at its public address (docs/web.md). */
    String page(String path) {
        return suite.webPublicUrl() + path;
    }

    URI gateway(String path) {
        return URI.create(suite.url("gateway") + path);
    }

    /** A module's own address, for what only operators reach directly (its metrics). */
    URI service(String module, String path) {
        return URI.create(suite.url(module) + path);
    }

    /** A request with a timeout, so that no call waits for ever. */
    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(gateway(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, String token) throws Exception {
        HttpResponse<String> answer = get(path, token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return post(path, token, "application/json", json);
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        return HTTP.send(request(gateway(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What README shows: the client-credentials grant against the authorization server. */
    String token(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(request(URI.create(suite.url("auth-server") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    /** The module's tests run in end-to-end/; the service jars are under the repository root. */
    private static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

}
