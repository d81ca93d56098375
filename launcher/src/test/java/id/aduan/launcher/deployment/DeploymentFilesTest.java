package id.aduan.launcher.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the docker-compose deployment and its files without a Docker engine: the structure by
 * parsing them, and, where docker-compose or promtool is installed, those tools' own validation.
 */
class DeploymentFilesTest {

    private static final Logger log = LoggerFactory.getLogger(DeploymentFilesTest.class);

    /** Every Spring Boot app, with the port docs/architecture.md fixes for it. */
    private static final Map<String, Integer> SPRING_APPS = Map.of(
            "auth-server", 9000,
            "intake-service", 8081,
            "routing-service", 8082,
            "sla-service", 8083,
            "reporting-service", 8084,
            "web", 8085,
            "gateway", 8080);

    private static final List<String> INFRASTRUCTURE = List.of("kafka", "mongo", "postgres", "prometheus", "grafana");

    private static final String DOCKERFILE = "deploy/service.Dockerfile";
    private static final String KEYCLOAK_REALM = "deploy/keycloak/aduan-realm.json";
    private static final String KEYCLOAK_ENV = "deploy/keycloak/keycloak.env";
    private static final int KEYCLOAK_PORT = 8180;
    private static final String ISSUER = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    private static final String JWK_SET = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI";
    private static final String ROLES = "ADUAN_SECURITY_CLAIMS_ROLES";
    /** Compose's ${VARIABLE:-default}. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):-([^}]*)}");
    private static final String PROMETHEUS_CONFIG = "deploy/prometheus/prometheus.yml";
    private static final String PROMETHEUS_ALERTS = "deploy/prometheus/alerts.yml";
    private static final String GRAFANA_DATASOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml";
    private static final String GRAFANA_DASHBOARD_PROVIDERS = "deploy/grafana/provisioning/dashboards/aduan.yml";
    private static final String GRAFANA_DASHBOARDS = "deploy/grafana/dashboards";
    /** The dashboards docs/metrics.md promises: the national coordinators' overview and the Ombudsman's review. */
    private static final List<String> DASHBOARD_UIDS = List.of("aduan-national", "aduan-ombudsman");

    /** Published on every interface: the API and the token issuer (either of the two), nothing else. */
    private static final List<String> PUBLIC = List.of("gateway", "auth-server", "keycloak");
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "::1");
    /** Variables that carry a secret unless they name a file holding it. */
    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("(?i).*(PASSWORD|SECRET|_KEY|TOKEN|JAAS|CREDENTIAL).*");
    /** A reference: Spring's $${name} (a secret file read through configtree) or compose's ${VARIABLE} with no default. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$\\{[^}]+}|\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern LITERAL_PASSWORD = Pattern.compile("(?i)password=\"?[^\"\\s;]+");
    private static final Pattern URI_CREDENTIALS = Pattern.compile("://[^/:@\\s]+:[^@\\s]+@");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^([a-z][a-z0-9.-]*)=(.*)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path repository;
    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        repository = repositoryRoot();
        services = map(readYaml("docker-compose.yml").get("services"));
    }

    @Test
    void everySpringAppIsBuiltFromItsModuleWithTheSharedDockerfile() {
        assertThat(repository.resolve(DOCKERFILE)).isRegularFile();
        SPRING_APPS.keySet().forEach(app -> {
            assertThat(services).as("services").containsKey(app);
            Map<String, Object> build = map(service(app).get("build"));
            assertThat(repository.resolve(String.valueOf(build.get("context"))).normalize()).as(app + " build context")
                    .isEqualTo(repository);
            assertThat(build.get("dockerfile")).as(app + " dockerfile").isEqualTo(DOCKERFILE);
            assertThat(map(build.get("args")).get("MODULE")).as(app + " MODULE").isEqualTo(app);
            assertThat(repository.resolve(app).resolve("pom.xml")).as(app + " module").isRegularFile();
        });
    }

    // The keycloak profile (deploy/keycloak/README.md): Keycloak with the demo realm instead of auth-server.

    @Test
    void theKeycloakProfileRunsKeycloakWithTheRealmImportedAndItsIssuerPublished() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(stringsOf(list(keycloak.get("profiles")))).containsExactly("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:");
        String start = String.join(" ", stringsOf(list(keycloak.getOrDefault("entrypoint", List.of()))))
                + " " + String.join(" ", stringsOf(list(keycloak.getOrDefault("command", List.of()))));
        assertThat(start).contains("kc.sh start").contains("--import-realm");
        assertThat(stringsOf(list(keycloak.get("volumes"))))
                .contains("./" + KEYCLOAK_REALM + ":/opt/keycloak/data/import/aduan-realm.json:ro");
        assertThat(list(keycloak.get("ports"))).contains(KEYCLOAK_PORT + ":8080");
        assertThat(environment("keycloak").get("KC_HOSTNAME")).isEqualTo("http://localhost:" + KEYCLOAK_PORT);
        // Its first admin's password is a secret secrets-init makes, read in the entrypoint ($$ is compose's $), never written here.
        assertThat(start).contains("KC_BOOTSTRAP_ADMIN_PASSWORD=$$(< /run/secrets/aduan/admin-password)");
        assertThat(stringsOf(list(service("secrets-init").get("volumes")))).contains("secrets-keycloak:/out/keycloak");
        assertThat(stringsOf(list(keycloak.get("volumes")))).contains("secrets-keycloak:/run/secrets/aduan:ro");
    }

    @Test
    void theKeycloakEnvFileSwitchesEveryServiceToKeycloaksIssuerKeysAndRolesAndStopsAuthServer() throws IOException {
        Map<String, String> keycloakEnv = envFile(KEYCLOAK_ENV);
        String realm = JSON.readTree(repository.resolve(KEYCLOAK_REALM).toFile()).path("realm").asText();
        assertThat(keycloakEnv).containsEntry("COMPOSE_PROFILES", "keycloak").containsEntry("ADUAN_AUTH_SERVER_REPLICAS", "0");
        assertThat(interpolate(String.valueOf(map(service("auth-server").get("deploy")).get("replicas")), Map.of())).isEqualTo("1");
        assertThat(interpolate(String.valueOf(map(service("auth-server").get("deploy")).get("replicas")), keycloakEnv)).isEqualTo("0");

        // The web app is no resource server: it logs people in itself, with its own settings (aduan.web.auth.*, docs/web.md).
        List<String> resourceServers = SPRING_APPS.keySet().stream()
                .filter(app -> !app.equals("auth-server") && !app.equals("web")).sorted().toList();
        for (String app : resourceServers) {
            Map<String, String> environment = environment(app);
            // Without the file: the built-in server, as before.
            assertThat(interpolate(environment.get(ISSUER), Map.of())).as(app).isEqualTo("http://localhost:9000");
            assertThat(interpolate(environment.get(JWK_SET), Map.of())).as(app).isEqualTo("http://auth-server:9000/oauth2/jwks");
            assertThat(interpolate(environment.get(ROLES), Map.of())).as(app).isEqualTo("roles");
            // With it: Keycloak's issuer as tokens fetched from the host name it, its keys over the compose network.
            assertThat(interpolate(environment.get(ISSUER), keycloakEnv)).as(app)
                    .isEqualTo(environment("keycloak").get("KC_HOSTNAME") + "/realms/" + realm);
            assertThat(interpolate(environment.get(JWK_SET), keycloakEnv)).as(app)
                    .isEqualTo("http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
            assertThat(interpolate(environment.get(ROLES), keycloakEnv)).as(app).isEqualTo("realm_access.roles");
            // Keycloak is off without the profile: no service may need it to start (they fetch its keys at the first token).
            assertThat(map(service(app).get("depends_on"))).as(app + " depends_on").doesNotContainKey("keycloak");
        }
    }

    @Test
    void theInfrastructureServicesExist() {
        assertThat(services).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
    }

    @Test
    void dependenciesNameDefinedServicesAndWaitForHealthOnlyWhereAHealthcheckExists() {
        services.keySet().forEach(name -> {
            Object dependsOn = service(name).getOrDefault("depends_on", List.of());
            Collection<?> dependencies = dependsOn instanceof Map<?, ?> conditions ? conditions.keySet() : list(dependsOn);
            assertThat(services.keySet()).as(name + " depends_on").containsAll(stringsOf(dependencies));
            if (dependsOn instanceof Map<?, ?> conditions) {
                conditions.forEach((dependency, condition) -> {
                    if ("service_healthy".equals(map(condition).get("condition"))) {
                        assertThat(service(String.valueOf(dependency))).as(name + " waits for " + dependency + " to be healthy")
                                .containsKey("healthcheck");
                    }
                });
            }
        });
    }

    @Test
    void publishedHostPortsAreUnique() {
        List<Integer> published = services.keySet().stream()
                .flatMap(name -> list(service(name).getOrDefault("ports", List.of())).stream())
                .map(DeploymentFilesTest::hostPort)
                .flatMap(Optional::stream)
                .toList();
        assertThat(published).doesNotHaveDuplicates();
    }

    @Test
    void theGatewayAndTheIssuerAreReachableFromTheHostOnTheirOwnPorts() {
        // Tokens name http://localhost:9000 as issuer, so the authorization server must be there from the host too.
        for (String app : List.of("gateway", "auth-server")) {
            int port = SPRING_APPS.get(app);
            assertThat(list(service(app).get("ports"))).as(app + " ports").contains(port + ":" + port);
        }
    }

    // Closed by default (docs/security.md, "Deployment"): what the host and the compose network can reach,
    // which secrets the file holds (none) and which stores let a client in without credentials (none).

    @Test
    void onlyTheGatewayAndTheIssuerArePublishedOnEveryInterface() {
        services.keySet().forEach(name -> list(service(name).getOrDefault("ports", List.of())).forEach(entry ->
                assertThat(PUBLIC.contains(name) || hostIp(entry).filter(LOOPBACK::contains).isPresent())
                        .as("%s publishes %s beyond the host's loopback", name, entry).isTrue()));
    }

    @Test
    void noSecretIsWrittenInTheFile() {
        services.keySet().forEach(name -> environment(name).forEach((variable, value) -> {
            if (SECRET_VARIABLE.matcher(variable).matches() && !variable.endsWith("FILE")) {
                String literal = REFERENCE.matcher(value).replaceAll("");
                assertThat(literal.contains("=") ? LITERAL_PASSWORD.matcher(literal).find() : !literal.isBlank())
                        .as("%s: %s holds a secret (%s) rather than a reference to a file or the environment", name, variable, value)
                        .isFalse();
            }
            assertThat(URI_CREDENTIALS.matcher(REFERENCE.matcher(value).replaceAll("")).find())
                    .as("%s: %s carries a password in a URI (%s)", name, variable, value).isFalse();
        }));
    }

    @Test
    void mongoAndPostgresRequireAPassword() {
        assertThat(stringsOf(list(service("mongo").get("command")))).as("mongo command").containsAnyOf("--keyFile", "--auth");
        assertThat(environment("mongo")).containsKey("MONGO_INITDB_ROOT_PASSWORD_FILE");
        Map<String, String> postgres = environment("postgres");
        assertThat(postgres).containsKey("POSTGRES_PASSWORD_FILE");
        assertThat(postgres.getOrDefault("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")).isNotIn("trust", "password", "md5");
    }

    @Test
    void kafkaAuthenticatesEveryClientItsListenersReachAndItsServicesLogIn() throws IOException {
        Map<String, String> broker = kafkaBrokerProperties();
        Map<String, String> protocols = new HashMap<>();
        for (String pair : broker.getOrDefault("listener.security.protocol.map", "").split(",")) {
            String[] nameAndProtocol = pair.split(":");
            protocols.put(nameAndProtocol[0].trim(), nameAndProtocol[1].trim());
        }
        assertThat(broker.get("listeners")).as("listeners").isNotBlank();
        for (String listener : broker.get("listeners").split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
            String protocol = protocols.getOrDefault(name, name);
            assertThat(protocol.startsWith("SASL_") || LOOPBACK.contains(host))
                    .as("listener %s (%s) lets other containers in without authentication", listener, protocol).isTrue();
        }
        assertThat(broker.get("authorizer.class.name")).as("authorizer").isNotBlank();
        assertThat(broker.getOrDefault("allow.everyone.if.no.acl.found", "false")).isEqualTo("false");
        services.keySet().stream().filter(name -> environment(name).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")).forEach(name -> {
            assertThat(environment(name).get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).as(name).startsWith("SASL_");
            assertThat(environment(name).get("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL")).as(name).startsWith("SASL_");
        });
    }

    @Test
    void everySpringAppHasAReadinessHealthcheckOnItsOwnPort() {
        SPRING_APPS.forEach((app, port) -> {
            Map<String, Object> healthcheck = map(service(app).get("healthcheck"));
            assertThat(String.join(" ", stringsOf(list(healthcheck.get("test"))))).as(app + " healthcheck")
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
        });
    }

    @Test
    void everyBindMountedPathExists() {
        services.keySet().forEach(name -> list(service(name).getOrDefault("volumes", List.of())).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":")[0])
                .filter(source -> source.startsWith("./"))
                .forEach(source -> assertThat(repository.resolve(source)).as(name + " mounts " + source).exists()));
    }

    @Test
    void prometheusScrapesEverySpringApp() throws IOException {
        List<Map<String, Object>> scrapeConfigs = list(readYaml(PROMETHEUS_CONFIG).get("scrape_configs")).stream()
                .map(DeploymentFilesTest::map)
                .toList();
        SPRING_APPS.forEach((app, port) -> assertThat(scrapeConfigs).as("scrape config of " + app)
                .anySatisfy(scrape -> {
                    assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
                    assertThat(list(scrape.get("static_configs"))).anySatisfy(targets -> {
                        assertThat(list(map(targets).get("targets"))).contains(app + ":" + port);
                        assertThat(map(map(targets).get("labels"))).containsEntry("service", app);
                    });
                }));
    }

    @Test
    void grafanaUsesPrometheusAsItsDefaultDatasource() throws IOException {
        assertThat(list(readYaml(GRAFANA_DATASOURCES).get("datasources"))).singleElement()
                .satisfies(datasource -> assertThat(map(datasource))
                        .containsEntry("type", "prometheus")
                        .containsEntry("uid", "prometheus")
                        .containsEntry("url", "http://prometheus:9090")
                        .containsEntry("isDefault", true));
    }

    @Test
    void prometheusLoadsTheAlertRulesAndComposeMountsThemBesideItsConfig() throws IOException {
        assertThat(list(readYaml(PROMETHEUS_CONFIG).get("rule_files"))).containsExactly("alerts.yml");
        assertThat(stringsOf(list(service("prometheus").get("volumes"))))
                .contains("./" + PROMETHEUS_CONFIG + ":/etc/prometheus/prometheus.yml:ro", "./" + PROMETHEUS_ALERTS + ":/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void everyAlertRuleIsNamedOnceHasAnExpressionASeverityAndASummary() throws IOException {
        List<Map<String, Object>> rules = list(readYaml(PROMETHEUS_ALERTS).get("groups")).stream()
                .flatMap(group -> list(map(group).get("rules")).stream())
                .map(DeploymentFilesTest::map)
                .toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(String.valueOf(rule.get("alert"))).as("alert name").matches("Aduan[A-Za-z]+");
            assertThat(String.valueOf(rule.get("expr"))).as(rule.get("alert") + " expr").isNotBlank();
            assertThat(map(rule.get("labels")).get("severity")).as(rule.get("alert") + " severity").isIn("warning", "critical");
            assertThat(String.valueOf(map(rule.get("annotations")).get("summary"))).as(rule.get("alert") + " summary").isNotBlank();
        });
        assertThat(rules.stream().map(rule -> rule.get("alert")).toList()).doesNotHaveDuplicates();
    }

    @Test
    void grafanaProvisionsTheDashboardsFromTheDirectoryComposeMounts() throws IOException {
        Map<String, Object> provider = map(list(readYaml(GRAFANA_DASHBOARD_PROVIDERS).get("providers")).get(0));
        String path = String.valueOf(map(provider.get("options")).get("path"));
        assertThat(stringsOf(list(service("grafana").get("volumes")))).contains("./" + GRAFANA_DASHBOARDS + ":" + path + ":ro");
        assertThat(dashboards().stream().map(dashboard -> dashboard.path("uid").asText()).toList())
                .containsAll(DASHBOARD_UIDS).doesNotHaveDuplicates();
    }

    @Test
    void everyDashboardPanelQueriesThePrometheusDatasource() throws IOException {
        for (JsonNode dashboard : dashboards()) {
            String name = dashboard.path("uid").asText();
            assertThat(dashboard.path("title").asText()).as(name + " title").isNotBlank();
            List<Integer> ids = new ArrayList<>();
            dashboard.path("panels").forEach(panel -> {
                String title = name + " / " + panel.path("title").asText();
                ids.add(panel.path("id").asInt());
                assertThat(panel.path("gridPos").has("w")).as(title + " gridPos").isTrue();
                assertThat(panel.at("/datasource/uid").asText()).as(title + " datasource").isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as(title + " targets").isPositive();
                panel.path("targets").forEach(target -> {
                    assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                    assertThat(target.at("/datasource/uid").asText()).as(title + " target datasource").isEqualTo("prometheus");
                });
            });
            assertThat(ids).as(name + " panel ids").doesNotHaveDuplicates();
            // A variable that offers "All" must say what All matches, or every query would fail on its literal value.
            dashboard.at("/templating/list").forEach(variable -> {
                if (variable.path("includeAll").asBoolean()) {
                    assertThat(variable.path("allValue").asText()).as(name + " $" + variable.path("name").asText()).isEqualTo(".*");
                }
            });
        }
    }

    @Test
    void promtoolAcceptsTheAlertRulesWhereItIsInstalled() throws Exception {
        runIfInstalled("promtool", "check", "rules", repository.resolve(PROMETHEUS_ALERTS).toString());
    }

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        runIfInstalled("docker-compose", "-f", repository.resolve("docker-compose.yml").toString(), "config", "-q");
    }

    @Test
    void promtoolAcceptsThePrometheusConfigWhereItIsInstalled() throws Exception {
        runIfInstalled("promtool", "check", "config", repository.resolve(PROMETHEUS_CONFIG).toString());
    }

    /** Runs a validating tool and expects exit code 0; where the tool is not installed, says so and passes. */
    private static void runIfInstalled(String tool, String... arguments) throws IOException, InterruptedException {
        Optional<Path> executable = onPath(tool);
        if (executable.isEmpty()) {
            log.warn("External check NOT run: {} is not on the PATH", tool);
            return;
        }
        List<String> command = new ArrayList<>(List.of(executable.get().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(tool + " did not finish within 2 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " printed:%n%s", output).isZero();
        log.info("External check ran and passed: {}", String.join(" ", command));
    }

    private static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The host port a {@code ports} entry publishes on, if it fixes one ("9000:9000", "127.0.0.1:9000:9000" or the long form). */
    private static Optional<Integer> hostPort(Object entry) {
        if (entry instanceof Map<?, ?> longForm) {
            return Optional.ofNullable(longForm.get("published")).map(String::valueOf).map(Integer::valueOf);
        }
        String[] parts = String.valueOf(entry).split("/")[0].split(":");
        return parts.length < 2 ? Optional.empty() : Optional.of(Integer.valueOf(parts[parts.length - 2]));
    }

    /** The host address a {@code ports} entry binds, if it names one ("127.0.0.1:8025:8025" or the long form's host_ip). */
    private static Optional<String> hostIp(Object entry) {
        if (entry instanceof Map<?, ?> longForm) {
            return Optional.ofNullable(longForm.get("host_ip")).map(String::valueOf);
        }
        String[] parts = String.valueOf(entry).split("/")[0].split(":");
        return parts.length == 3 ? Optional.of(parts[0]) : Optional.empty();
    }

    /** A service's environment, whether written as a map or as a list of NAME=value. */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).getOrDefault("environment", Map.of());
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((variable, value) -> variables.put(String.valueOf(variable), String.valueOf(value)));
        } else {
            list(environment).stream().map(String::valueOf)
                    .forEach(entry -> variables.put(entry.split("=", 2)[0], entry.contains("=") ? entry.split("=", 2)[1] : ""));
        }
        return variables;
    }

    /**
     * The broker's settings: its KAFKA_* variables, as the image turns them into server.properties, and the
     * key=value lines of the script it runs instead, if its entrypoint is one mounted from the repository.
     */
    private static Map<String, String> kafkaBrokerProperties() throws IOException {
        Map<String, String> properties = new HashMap<>();
        environment("kafka").forEach((variable, value) -> {
            if (variable.startsWith("KAFKA_")) {
                properties.put(variable.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        List<String> entrypoint = stringsOf(list(service("kafka").getOrDefault("entrypoint", List.of())));
        for (Object volume : list(service("kafka").getOrDefault("volumes", List.of()))) {
            String[] mount = String.valueOf(volume).split(":");
            if (mount[0].startsWith("./") && entrypoint.contains(mount[1])) {
                for (String line : Files.readAllLines(repository.resolve(mount[0]))) {
                    Matcher setting = PROPERTY_LINE.matcher(line);
                    if (setting.matches()) {
                        properties.put(setting.group(1), setting.group(2).trim());
                    }
                }
            }
        }
        return properties;
    }

    /** A value as compose interpolates it with these variables set (and no others). */
    private static String interpolate(String value, Map<String, String> variables) {
        assertThat(value).isNotNull();
        return DEFAULTED.matcher(value).replaceAll(reference ->
                Matcher.quoteReplacement(variables.getOrDefault(reference.group(1), reference.group(2))));
    }

    /** An env file's NAME=value lines; comments and blank lines skipped. */
    private static Map<String, String> envFile(String relativePath) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(repository.resolve(relativePath))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                variables.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return variables;
    }

    /** The directory holding docker-compose.yml and mvnw, found from wherever the test runs inside the repository. */
    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No directory with docker-compose.yml and mvnw above " + Path.of("").toAbsolutePath());
    }

    private static List<JsonNode> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve(GRAFANA_DASHBOARDS))) {
            List<JsonNode> dashboards = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(JSON.readTree(file.toFile()));
            }
            return dashboards;
        }
    }

    private static Map<String, Object> readYaml(String relativePath) throws IOException {
        try (Reader reader = Files.newBufferedReader(repository.resolve(relativePath))) {
            return map(new Yaml().load(reader));
        }
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static List<String> stringsOf(Collection<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return (List<Object>) yaml;
    }
}
