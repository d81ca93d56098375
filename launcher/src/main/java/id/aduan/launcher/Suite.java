package id.aduan.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the services are wired to each other and to Kafka, MongoDB, PostgreSQL, the mail server and the
 * authorization server: the one place that knows it, for the launcher (fixed ports) and the end-to-end test (free ports).
 *
 * @param ports the port of every module in {@link #MODULES}
 * @param mongoUri the connection string of a database, given its name
 * @param postgres intake's event store
 * @param smtpPort the mail server on localhost that intake's notifications to reporters go to
 */
public record Suite(Map<String, Integer> ports, String kafkaBootstrapServers, Function<String, String> mongoUri,
        Postgres postgres, int smtpPort, Path dataDir) {

    /**
     * A PostgreSQL server: the JDBC URL of a database, given its name, and whom to connect as.
     *
     * @param jdbcUrl creates the database when it does not exist yet
     */
    public record Postgres(Function<String, String> jdbcUrl, String username, String password) {
    }

    /** In start order: the authorization server first, the gateway last. */
    public static final List<String> MODULES =
            List.of("auth-server", "intake-service", "routing-service", "sla-service", "reporting-service", "gateway");

    /** The ports of docs/architecture.md. */
    public static final Map<String, Integer> FIXED_PORTS = Map.of(
            "auth-server", 9000, "intake-service", 8081, "routing-service", 8082, "sla-service", 8083,
            "reporting-service", 8084, "gateway", 8080);

    /** Intake's event store, tokens and idempotency keys: the one PostgreSQL database (docs/architecture.md). */
    private static final String INTAKE_EVENT_STORE = "aduan_intake";

    /** The services that keep data, each in a database of its own (the gateway its audit trail). */
    private static final Map<String, String> DATABASES = Map.of(
            "intake-service", "aduan-intake", "routing-service", "aduan-routing", "sla-service", "aduan-sla",
            "reporting-service", "aduan-reporting", "gateway", "aduan-gateway");

    public Suite {
        ports = Map.copyOf(ports);
        if (!ports.keySet().containsAll(MODULES)) {
            throw new IllegalArgumentException("a port is needed for each of " + MODULES);
        }
    }

    public String url(String module) {
        return "http://localhost:" + ports.get(module);
    }

    public List<ServiceSpec> services() {
        return MODULES.stream().map(module -> new ServiceSpec(module, ports.get(module), properties(module))).toList();
    }

    private Map<String, String> properties(String module) {
        Map<String, String> properties = new HashMap<>();
        properties.put("aduan.data-dir", dataDir.toString());
        String issuer = url("auth-server");
        if (module.equals("auth-server")) {
            properties.put("aduan.auth.issuer", issuer);
            // The demo clients and people (application-demo.yml); included, so a profile set in the environment
            // (the benchmark's load-test) still applies.
            properties.put("spring.profiles.include", "demo");
            return properties;
        }
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/oauth2/jwks");
        if (DATABASES.containsKey(module)) {
            properties.put("spring.data.mongodb.uri", mongoUri.apply(DATABASES.get(module)));
        }
        if (module.equals("intake-service")) {
            properties.put("spring.datasource.url", postgres.jdbcUrl().apply(INTAKE_EVENT_STORE));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("spring.mail.host", "localhost");
            properties.put("spring.mail.port", Integer.toString(smtpPort));
            // The links in notifications lead through the gateway.
            properties.put("aduan.notifications.public-base-url", url("gateway"));
        }
        if (module.equals("routing-service")) {
            // The embedded default runs on one machine: agencies' demo webhook receivers are local and plain http.
            properties.put("aduan.subscriptions.webhooks.require-https", "false");
            properties.put("aduan.subscriptions.webhooks.allow-internal-addresses", "true");
        }
        if (module.equals("gateway")) {
            properties.put("aduan.services.intake", url("intake-service"));
            properties.put("aduan.services.routing", url("routing-service"));
            properties.put("aduan.services.sla", url("sla-service"));
            properties.put("aduan.services.reporting", url("reporting-service"));
        }
        return properties;
    }
}
