package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.launcher.Suite;
import id.aduan.localinfra.LocalPorts;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring as operators run it: a real Prometheus (the Debian package: the one on the PATH,
 * or else fetched with {@code apt-get download} and unpacked under target/) scrapes every service of
 * a {@link RunningSuite} each second and evaluates deploy/prometheus/alerts.yml. Traffic makes every
 * figure exist: a live complaint verified and followed up, a year of histories imported through
 * the gateway (whose figures sla and reporting must give exactly as computed by hand), and imported
 * open complaints already past their deadlines, which sla breaches at once.
 *
 * <p>Then every query of every panel of every dashboard in deploy/grafana/dashboards must return
 * data, with Grafana's variables replaced as "All" does, and every alert rule must load and its
 * expression return data. An alert whose condition is false in a healthy run (consumer lag, a
 * service down) is evaluated without its final comparison ({@code > 0}, {@code == 0}): the series it
 * compares must exist, or the rule could never fire. docs/metrics.md states this convention.
 *
 * <p>Last of the scenarios, so the dashboards see the others' traffic too; the figures it checks
 * exactly are those of its own year (2025) and the overdue complaints it imports.
 */
@Order(4)
@ExtendWith(RunningSuite.Shared.class)
class MonitoringEndToEndIT {

    private static final Logger log = LoggerFactory.getLogger(MonitoringEndToEndIT.class);
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final String AGENCY = "32.73.DPUPR";

    private static RunningSuite suite;
    private static Process prometheus;
    private static URI prometheusUrl;

    @BeforeAll
    static void runTheSuiteWithTrafficAndPrometheus(RunningSuite running) throws Exception {
        suite = running;
        makeTraffic();
        startPrometheus();
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /**
     * Five histories of 2025, counted by hand on the government calendar (docs/sla.md): disposition
     * to first follow-up 1, 2, 3, 14 and 2 working days (e.g. Friday 24 January to Thursday 30 January:
     * 27 January Isra Mikraj, 28 cuti bersama, 29 Imlek), four of them completed.
     */
    private static final String YEAR_OF_HISTORIES = Stream.of(
                    history("2025-1", "32.73.01", "2025-01-22T02:00:00Z", "2025-01-24T03:00:00Z", "2025-01-30T02:00:00Z", true),
                    history("2025-2", "32.73.01", "2025-03-25T02:00:00Z", "2025-03-26T03:00:00Z", "2025-04-08T02:00:00Z", true),
                    history("2025-3", "32.73.02", "2025-05-08T02:00:00Z", "2025-05-09T03:00:00Z", "2025-05-16T02:00:00Z", true),
                    history("2025-4", "32.73.02", "2025-06-01T02:00:00Z", "2025-06-02T03:00:00Z", "2025-06-24T02:00:00Z", true),
                    history("2025-5", "32.73.01", "2025-09-02T02:00:00Z", "2025-09-03T03:00:00Z", "2025-09-08T02:00:00Z", false))
            .reduce("", (lines, line) -> lines + line + "\n");

    private static String history(String legacyId, String region, String submitted, String disposed, String followedUp,
            boolean completed) {
        String completion = completed ? ",\"completion\":{\"at\":\"" + Instant.parse(followedUp).plus(2, ChronoUnit.DAYS)
                + "\",\"how\":\"REPORTER_SATISFIED\"}" : "";
        return """
                {"sourceApp":"APEKESAH","legacyId":"%s","title":"Jalan rusak","description":"Jalan berlubang.","categoryCode":"INFRA.ROAD","location":{"regionCode":"%s"},"submittedAt":"%s","verification":{"at":"%s","classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT"},"routing":{"at":"%s","agencyCode":"%s"},"followUps":[{"at":"%s","text":"Sudah ditangani."}]%s}"""
                .formatted(legacyId, region, submitted, disposed, disposed, AGENCY, followedUp, completion);
    }

    private static void makeTraffic() throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String agencyAdmin = suite.token("agency-bandung-pu", "agency-secret");

        HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, """
                {"title":"Jalan berlubang di depan SDN 1","description":"Lubang besar di Jalan Merdeka sejak dua minggu.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"addressedAgencyCode":"32.73.DPUPR"}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String live = JSON.readTree(submitted.body()).get("trackingId").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + live + "/verification",
                coordinator, """
                {"classification":"INFORMATION_REQUEST","anonymous":false,"confidential":false}""").statusCode()).isEqualTo(200));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + live + "/follow-ups",
                agencyAdmin, """
                {"text":"Sudah dijadwalkan perbaikan."}""").statusCode()).isEqualTo(200));

        // Open complaints imported with past times: a follow-up 40 days overdue, a verification 20 days overdue.
        Instant fortyDaysAgo = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant twentyDaysAgo = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String overdue = """
                {"sourceApp":"APEKESAH","legacyId":"late-follow-up","title":"Drainase tersumbat","description":"Air menggenang.","categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"submittedAt":"%1$s","verification":{"at":"%1$s","classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT"},"routing":{"at":"%1$s","agencyCode":"%2$s"}}
                {"sourceApp":"APEKESAH","legacyId":"late-verification","title":"Lampu jalan mati","description":"Gelap sejak sebulan.","categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.02"},"submittedAt":"%3$s"}
                """.formatted(fortyDaysAgo, AGENCY, twentyDaysAgo);
        for (String histories : List.of(YEAR_OF_HISTORIES, overdue)) {
            HttpResponse<String> imported = suite.post("/api/v1/imports", coordinator, "application/x-ndjson", histories);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(JSON.readTree(imported.body()).get("rejected").asInt()).as(imported.body()).isZero();
        }

        // sla breaches the overdue clocks at its next sweep; reporting's gauges show them at their next refresh.
        polling().untilAsserted(() -> assertThat(
                get(suite.service("reporting-service", "/actuator/prometheus")))
                .containsPattern("aduan_agency_overdue_complaints\\{agency=\"32.73.DPUPR\"[^}]*} [1-9]")
                .containsPattern("aduan_coordinators_overdue_complaints\\{[^}]*} [1-9]"));
    }

    @Test
    void theImportedYearHasTheHandComputedCompletionRateAndFollowUpTime() throws Exception {
        String ombudsman = suite.token("ombudsman", "ombudsman-secret");
        String year = "/api/v1/reports/agencies/" + AGENCY + "?from=2025-01-01&to=2025-12-31";

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = suite.getJson(year, ombudsman);
            assertThat(report.get("received").asLong()).isEqualTo(5);
            assertThat(report.get("followUpsMeasured").asLong()).isEqualTo(5);
            assertThat(report.get("completed").asLong()).isEqualTo(4);
        });
        JsonNode report = suite.getJson(year, ombudsman);
        // 4 completed of 5 verified; (1 + 2 + 3 + 14 + 2) working days over 5 first follow-ups.
        assertThat(report.get("completionRate").asDouble()).isEqualTo(0.8);
        assertThat(report.get("followUpWorkingDays").asLong()).isEqualTo(22);
        assertThat(report.get("averageFollowUpWorkingDays").asDouble()).isEqualTo(4.4);
        assertThat(report.get("slaCompliance").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/byChannel/LEGACY_APP/received").asLong()).isEqualTo(5);
        assertThat(report.at("/byRegion/32.73.02/averageFollowUpWorkingDays").asDouble()).isEqualTo(8.5);
    }

    @Test
    void everyDashboardPanelQueryReturnsData() throws IOException {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                        queries.add(asGrafanaRunsIt(target.path("expr").asText(), dashboard))));
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        for (String query : queries) {
            polling()
                    .untilAsserted(() -> assertThat(series(query)).as(query).isPositive());
        }
    }

    @Test
    void everyAlertRuleLoadsAndItsExpressionReturnsData() throws Exception {
        JsonNode groups = JSON.readTree(get(prometheusUrl.resolve("/api/v1/rules"))).at("/data/groups");
        List<JsonNode> rules = new ArrayList<>();
        groups.forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode rule : rules) {
            String expr = rule.path("query").asText();
            polling().untilAsserted(() -> {
                assertThat(series(expr) > 0 || series(withoutFinalComparison(expr)) > 0)
                        .as(rule.path("name").asText() + ": " + expr).isTrue();
                assertThat(ruleHealth(rule.path("name").asText())).as(rule.path("name").asText()).isEqualTo("ok");
            });
        }
        // The deadlines passed: these conditions hold, not only their series.
        assertThat(series("sum by (agency, province_name) (aduan_agency_overdue_complaints) > 0")).isPositive();
        assertThat(series("max(aduan_coordinators_overdue_complaints) > 0")).isPositive();
    }

    @Test
    void everyConsumingServiceReportsItsConsumerLag() {
        for (String service : List.of("intake-service", "routing-service", "sla-service", "reporting-service")) {
            polling().untilAsserted(() -> assertThat(
                    series("spring_cloud_stream_binder_kafka_offset{service=\"" + service + "\"}")).as(service).isPositive());
        }
    }

    /**
     * Checked at once, then every 2 s: with a poll interval alone, Awaitility waits one interval before its first
     * check: 2 s on each of about 50 queries, rules and services (96 s in all) that mostly had their data at once.
     */
    private static ConditionFactory polling() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2));
    }

    /** A panel's query as Grafana sends it with every variable at "All" and its interval macros filled in. */
    private static String asGrafanaRunsIt(String expr, JsonNode dashboard) {
        String query = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h");
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String name = variable.path("name").asText();
            query = query.replace("${" + name + "}", variable.path("allValue").asText()).replace("$" + name, variable.path("allValue").asText());
        }
        assertThat(query).as("variables left in " + expr).doesNotContain("$");
        return query;
    }

    /** The expression up to its last comparison with a number: {@code x > 0} gives {@code x}. */
    static String withoutFinalComparison(String expr) {
        return expr.replaceFirst("\\s*(>=|<=|==|!=|>|<)\\s*-?[0-9.]+\\s*$", "");
    }

    private static int series(String query) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(get(prometheusUrl.resolve("/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))));
        assertThat(answer.path("status").asText()).as(query + ": " + answer).isEqualTo("success");
        return answer.at("/data/result").size();
    }

    private static String ruleHealth(String name) throws IOException, InterruptedException {
        JsonNode groups = JSON.readTree(get(prometheusUrl.resolve("/api/v1/rules"))).at("/data/groups");
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.path("name").asText().equals(name)) {
                    return rule.path("health").asText();
                }
            }
        }
        return "missing";
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(uri + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** Prometheus scraping every service each second and evaluating the project's alert rules each second. */
    private static void startPrometheus() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("aduan-prometheus-");
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                """.formatted(REPOSITORY.resolve("deploy/prometheus/alerts.yml")));
        for (String module : Suite.MODULES) {
            URI target = suite.service(module, "/");
            config.append("""
                      - job_name: %1$s
                        metrics_path: /actuator/prometheus
                        static_configs:
                          - targets: ["%2$s:%3$d"]
                            labels:
                              service: %1$s
                    """.formatted(module, target.getHost(), target.getPort()));
        }
        Files.writeString(work.resolve("prometheus.yml"), config);
        int port = LocalPorts.free();
        prometheusUrl = URI.create("http://127.0.0.1:" + port);
        prometheus = new ProcessBuilder(prometheusExecutable().toString(),
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        log.info("Prometheus at {}, log in {}", prometheusUrl, work.resolve("prometheus.log"));
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(series("up == 1")).as(get(prometheusUrl.resolve("/api/v1/targets")))
                        .isEqualTo(Suite.MODULES.size()));
    }

    /**
     * Prometheus from the Debian package: on the PATH where installed, else downloaded with apt-get
     * (no root needed) and unpacked under target/, where a later run finds it again.
     */
    static Path prometheusExecutable() throws IOException, InterruptedException {
        Optional<Path> installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
        if (installed.isPresent()) {
            return installed.get();
        }
        Path unpacked = Path.of("target", "prometheus").toAbsolutePath();
        Path executable = unpacked.resolve("usr/bin/prometheus");
        if (Files.isExecutable(executable)) {
            return executable;
        }
        Path download = Files.createDirectories(Path.of("target", "prometheus-deb").toAbsolutePath());
        run(download, "apt-get", "download", "prometheus");
        try (Stream<Path> files = Files.list(download)) {
            Path deb = files.filter(file -> file.getFileName().toString().matches("prometheus_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("apt-get download prometheus left no package in " + download));
            run(download, "dpkg-deb", "-x", deb.toString(), unpacked.toString());
        }
        assertThat(executable).as("prometheus unpacked from the Debian package").isExecutable();
        return executable;
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " printed:%n%s", output).isZero();
    }
}
