package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.testkit.Infrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The security suite, through the front door of a {@link RunningSuite} with the demo clients' tokens:
 * every endpoint answers each role as designed, forged tokens stop at the gateway and at the
 * services, an agency reaches another agency's complaint on no path, fuzzed bodies never cause a
 * 500 nor store anything, and no reporter's identity is on any Kafka topic, before or after erasure.
 *
 * <p>Alone, while no other scenario runs: that fuzzing stores nothing is checked on the national count,
 * the calendar and the rules, which another scenario's complaint or change would move meanwhile.
 */
@Isolated
@Order(1)
@ExtendWith(RunningSuite.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityEndToEndIT {

    private static final String ROADS = "32.73.DPUPR";
    private static final String RECORDS = "32.73.DUKCAPIL";
    private static final String NAME = "Rina Kartikasari";
    private static final String EMAIL = "rina.kartikasari@example.id";
    private static final String PHONE = "+6281311112222";
    private static final String NIK = "3273014501900002";

    private static RunningSuite suite;
    private static Map<String, String> tokens;
    private static String complaintId;

    @BeforeAll
    static void aComplaintWithAnIdentityIsRoutedAndVerified(RunningSuite running) throws Exception {
        suite = running;
        tokens = Map.of(
                "citizen", suite.token("citizen-app", "citizen-secret"),
                "coordinator", suite.token("coordinator", "coordinator-secret"),
                "ombudsman", suite.token("ombudsman", "ombudsman-secret"),
                "roads", suite.token("agency-bandung-pu", "agency-secret"),
                "records", suite.token("agency-bandung-dukcapil", "agency-secret"));
        HttpResponse<String> submitted = suite.post("/api/v1/complaints", tokens.get("citizen"), """
                {"title":"Jalan berlubang di Jalan Merdeka","description":"Lubang besar dekat SDN 1, sudah dua minggu.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},
                 "reporter":{"name":"%s","email":"%s","phone":"%s","nik":"%s"}}"""
                .formatted(NAME, EMAIL, PHONE, NIK));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        complaintId = JSON.readTree(submitted.body()).get("trackingId").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/complaints/" + complaintId + "/routing",
                tokens.get("coordinator")).at("/decisions/0/agencyCode").asText()).isEqualTo(ROADS));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + complaintId + "/verification",
                tokens.get("coordinator"), """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","anonymous":false,"confidential":false}""")
                .statusCode()).isEqualTo(200));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.get("/api/v1/complaints/" + complaintId + "/sla",
                tokens.get("roads")).statusCode()).isEqualTo(200));
    }

    /**
     * One request, and which roles may make it. A write is sent to the roles it allows with a body the
     * handler refuses, so it changes nothing, and to the others with a well-formed one, which must
     * still be refused: 403 before the body is even checked.
     */
    private record Rule(String method, String path, String refusedBody, String wellFormedBody, Set<String> allowed) {

        static Rule read(String path, Set<String> allowed) {
            return new Rule("GET", path, null, null, allowed);
        }
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEachRoleAsDesigned() throws Exception {
        String id = "/api/v1/complaints/" + complaintId;
        String rulesInForce = suite.getJson("/api/v1/routing/rules", tokens.get("coordinator")).get("rules").toString();
        List<Rule> rules = List.of(
                Rule.read("/api/v1/reports/national", Set.of("coordinator", "ombudsman")),
                Rule.read("/api/v1/reports/agencies/" + ROADS, Set.of("coordinator", "ombudsman", "roads")),
                Rule.read(id + "/routing", Set.of("coordinator", "ombudsman", "roads")),
                Rule.read(id + "/sla", Set.of("coordinator", "ombudsman", "roads")),
                Rule.read("/api/v1/routing/queue", Set.of("coordinator", "ombudsman")),
                Rule.read("/api/v1/audit", Set.of("coordinator", "ombudsman")),
                Rule.read("/api/v1/sla/calendar/changes", Set.of("coordinator", "ombudsman")),
                Rule.read("/api/v1/agencies/" + ROADS + "/webhooks", Set.of("roads", "coordinator")),
                Rule.read("/api/v1/inbox", Set.of("coordinator", "ombudsman", "roads", "records")),
                Rule.read("/api/v1/inbox?agency=" + ROADS, Set.of("coordinator", "ombudsman", "roads")),
                Rule.read("/api/v1/inbox/verification", Set.of("coordinator", "ombudsman")),
                Rule.read(id + "/case-file", Set.of("coordinator", "ombudsman", "roads")),
                new Rule("POST", id + "/question", "{}", "{\"question\":\"Di depan toko apa?\"}", Set.of("roads")),
                new Rule("POST", id + "/question-answer", "{}", "{\"answer\":\"Toko emas.\"}", Set.of()),
                new Rule("POST", id + "/verification", "{}",
                        "{\"classification\":\"ASPIRATION\",\"anonymous\":false,\"confidential\":false}", Set.of("coordinator")),
                new Rule("POST", id + "/disposition", "{}",
                        "{\"agencyCode\":\"" + RECORDS + "\",\"reason\":\"Uji kewenangan.\"}", Set.of("coordinator")),
                new Rule("POST", id + "/follow-ups", "{}", "{\"text\":\"Sudah ditindaklanjuti.\"}", Set.of("roads")),
                new Rule("POST", id + "/forwarding", "{}",
                        "{\"reason\":\"Bukan kewenangan kami.\",\"suggestedAgencyCode\":\"32.DPUPR\"}", Set.of("roads")),
                new Rule("POST", "/api/v1/sla/calendar/changes", "{}",
                        "{\"declare\":[{\"date\":\"2033-01-03\",\"kind\":\"HOLIDAY\",\"name\":\"Uji\"}],\"reason\":\"Uji.\"}",
                        Set.of("coordinator")),
                new Rule("PUT", "/api/v1/routing/rules", "{}", "{\"rules\":" + rulesInForce + ",\"reason\":\"Uji.\"}",
                        Set.of("coordinator")),
                new Rule("POST", "/api/v1/agencies/" + ROADS + "/webhooks", "{}", "{\"url\":\"https://hooks.example.id/aduan\"}",
                        Set.of("roads")),
                new Rule("POST", "/api/v1/reporters/rep-00000000-0000-0000-0000-000000000000/erasure", "{}",
                        "{\"verification\":\"KTP diperiksa.\",\"requestedAt\":\"2026-11-20T08:00:00+07:00\"}",
                        Set.of("coordinator")));
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                boolean allowed = rule.allowed().contains(role.getKey());
                int status = send(rule.method(), rule.path(), allowed ? rule.refusedBody() : rule.wellFormedBody(),
                        role.getValue()).statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + role.getKey() + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void forgedTokensStopAtTheGatewayAndAtEveryService() throws Exception {
        String real = tokens.get("coordinator");
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + flipped(parts[2]);
        String unsigned = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String selfMadeClaims = parts[0] + "." + base64("{\"sub\":\"coordinator\",\"roles\":[\"coordinator\"],\"aud\":\"aduan-api\","
                + "\"iss\":\"http://localhost\",\"exp\":4102444800}") + "." + parts[2];
        for (String forged : List.of(tampered, unsigned, selfMadeClaims, "not-a-token")) {
            assertThat(suite.get("/api/v1/reports/national", forged).statusCode()).isEqualTo(401);
            for (String service : List.of("intake-service", "routing-service", "sla-service", "reporting-service")) {
                HttpResponse<String> direct = HTTP.send(RunningSuite.request(suite.service(service, "/api/v1/complaints/" + complaintId + "/routing"))
                        .header("Authorization", "Bearer " + forged).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(direct.statusCode()).as(service).isEqualTo(401);
            }
        }
    }

    @Test
    @Order(3)
    void anAgencyReachesAnotherAgencysComplaintOnNoPath() throws Exception {
        String records = tokens.get("records");
        for (String path : List.of("/api/v1/complaints/" + complaintId + "/routing", "/api/v1/complaints/" + complaintId + "/sla",
                "/api/v1/reports/agencies/" + ROADS, "/api/v1/agencies/" + ROADS + "/events", "/api/v1/agencies/" + ROADS + "/webhooks")) {
            HttpResponse<String> answer = suite.get(path, records);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(suite.post("/api/v1/complaints/" + complaintId + "/follow-ups", records, """
                {"text":"Sudah kami tangani."}""").statusCode()).isEqualTo(403);
        assertThat(suite.post("/api/v1/complaints/" + complaintId + "/forwarding", records, """
                {"reason":"Bukan kewenangan kami."}""").statusCode()).isEqualTo(403);
        // Its own stream opens, and in a few seconds says nothing of a complaint routed elsewhere.
        HttpResponse<InputStream> ownStream = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/agencies/" + RECORDS + "/events"))
                .header("Authorization", "Bearer " + records).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(ownStream.statusCode()).isEqualTo(200);
        try (InputStream body = ownStream.body()) {
            assertThat(readFor(body, Duration.ofSeconds(3))).doesNotContain(complaintId);
        }
        // A rahasia complaint's case file is not found by whoever may not know the complaint exists.
        HttpResponse<String> rahasia = suite.post("/api/v1/complaints", tokens.get("citizen"), """
                {"title":"Pungutan liar di kelurahan","description":"Diminta membayar surat pengantar.",
                 "categoryCode":"CIVIL_SERVICE","location":{"regionCode":"32.73.01"},"confidential":true}""");
        String rahasiaId = JSON.readTree(rahasia.body()).get("trackingId").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.get("/api/v1/complaints/" + rahasiaId + "/case-file",
                tokens.get("coordinator")).statusCode()).isEqualTo(200));
        for (String role : List.of("records", "citizen")) {
            assertThat(suite.get("/api/v1/complaints/" + rahasiaId + "/case-file", tokens.get(role)).statusCode()).as(role)
                    .isEqualTo(404);
        }
        // The public tracking view shows the complaint but not who reported it.
        HttpResponse<String> tracked = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/complaints/" + complaintId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tracked.statusCode()).isEqualTo(200);
        assertThat(tracked.body()).doesNotContain(NAME, EMAIL, PHONE, NIK);
    }

    @Test
    @Order(4)
    void fuzzedBodiesNeverCauseA500AndStoreNothing() throws Exception {
        String coordinator = tokens.get("coordinator");
        JsonNode viewBefore = suite.getJson("/api/v1/complaints/" + complaintId, coordinator);
        JsonNode chainBefore = suite.getJson("/api/v1/complaints/" + complaintId + "/routing", coordinator);
        int calendarChanges = suite.getJson("/api/v1/sla/calendar/changes", coordinator).size();
        String rulesVersion = suite.getJson("/api/v1/routing/rules", coordinator).path("version").asText();
        long received = suite.getJson("/api/v1/reports/national", coordinator).path("received").asLong();

        List<Rule> targets = List.of(
                new Rule("POST", "/api/v1/complaints", null, null, Set.of("citizen")),
                new Rule("POST", "/api/v1/complaints/" + complaintId + "/follow-ups", null, null, Set.of("roads")),
                new Rule("POST", "/api/v1/complaints/" + complaintId + "/forwarding", null, null, Set.of("roads")),
                new Rule("POST", "/api/v1/complaints/" + complaintId + "/disposition", null, null, Set.of("coordinator")),
                new Rule("POST", "/api/v1/sla/calendar/changes", null, null, Set.of("coordinator")),
                new Rule("PUT", "/api/v1/routing/rules", null, null, Set.of("coordinator")),
                new Rule("POST", "/api/v1/channels/manual", null, null, Set.of("coordinator")));
        List<String> bodies = invalidBodies().sampleStream().limit(30).toList();
        List<String> failures = new ArrayList<>();
        for (Rule target : targets) {
            String token = tokens.get(target.allowed().iterator().next());
            for (String body : bodies) {
                HttpResponse<String> answer = send(target.method(), target.path(), body, token);
                if (answer.statusCode() >= 500 || answer.statusCode() < 400) {
                    failures.add(target.path() + " <- " + abbreviated(body) + ": " + answer.statusCode() + " " + abbreviated(answer.body()));
                }
            }
        }
        assertThat(failures).isEmpty();

        assertThat(suite.getJson("/api/v1/complaints/" + complaintId, coordinator)).isEqualTo(viewBefore);
        assertThat(suite.getJson("/api/v1/complaints/" + complaintId + "/routing", coordinator)).isEqualTo(chainBefore);
        assertThat(suite.getJson("/api/v1/sla/calendar/changes", coordinator).size()).isEqualTo(calendarChanges);
        assertThat(suite.getJson("/api/v1/routing/rules", coordinator).path("version").asText()).isEqualTo(rulesVersion);
        assertThat(suite.getJson("/api/v1/reports/national", coordinator).path("received").asLong()).isEqualTo(received);
    }

    @Test
    @Order(5)
    void textWithHtmlOrScriptIsKeptAsTextAndNeverServedForABrowserToRun() throws Exception {
        String script = "<script>alert('lapor')</script><img src=x onerror=alert(1)>";
        HttpResponse<String> submitted = suite.post("/api/v1/complaints", tokens.get("citizen"), """
                {"title":"%s","description":"Lampu jalan mati %s","categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}"""
                .formatted(script, script));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = JSON.readTree(submitted.body()).get("trackingId").asText();
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> tracked = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/complaints/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(tracked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(tracked.headers().firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(tracked.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(JSON.readTree(tracked.body()).get("title").asText()).isEqualTo(script);
        });
    }

    @Test
    @Order(6)
    void noReporterIdentityIsOnAnyTopicAndAnErasedReporterIsGoneFromEveryView() throws Exception {
        String coordinator = tokens.get("coordinator");
        // The agency follows up, so the complaint's events pass every service and every topic.
        assertThat(suite.post("/api/v1/complaints/" + complaintId + "/follow-ups", tokens.get("roads"), """
                {"text":"Lubang sudah ditambal oleh UPT Jalan."}""").statusCode()).isEqualTo(200);
        JsonNode coordinatorsView = suite.getJson("/api/v1/complaints/" + complaintId, coordinator);
        assertThat(coordinatorsView.at("/reporter/email").asText()).isEqualTo(EMAIL);
        String reporterRef = coordinatorsView.at("/reporter/reporterRef").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/complaints/" + complaintId + "/sla",
                coordinator).toString()).contains("MET"));

        assertThat(identityOnKafka()).isEmpty();
        assertThat(suite.getJson("/api/v1/reports/national", coordinator).toString()).doesNotContain(NAME, EMAIL, PHONE, NIK);

        HttpResponse<String> erased = suite.post("/api/v1/reporters/" + reporterRef + "/erasure", coordinator, """
                {"verification":"KTP checked at the Diskominfo service desk, ticket 2026-117","requestedAt":"2026-11-20T08:00:00+07:00"}""");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        for (String role : List.of("coordinator", "ombudsman", "roads")) {
            JsonNode view = suite.getJson("/api/v1/complaints/" + complaintId, tokens.get(role));
            assertThat(view.at("/reporter/status").asText()).as(role).isEqualTo("ERASED");
            assertThat(view.toString()).as(role).doesNotContain(NAME, EMAIL, PHONE, NIK);
        }
        assertThat(identityOnKafka()).isEmpty();
    }

    /** Every record of every Aduan topic, from the beginning, in which the reporter's identity appears. */
    private static List<String> identityOnKafka() {
        String servers = Infrastructure.shared().kafkaBootstrapServers();
        Set<String> topics;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            topics = admin.listTopics().names().get().stream().filter(name -> name.startsWith("aduan.")).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "security-scan-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    for (String identity : List.of(NAME, EMAIL, PHONE, NIK, "6281311112222")) {
                        if (value.contains(identity)) {
                            found.add(record.topic() + "@" + record.offset() + " holds " + identity);
                        }
                    }
                }
            }
            assertThat(partitions).as("every topic read to its end").allMatch(p -> consumer.position(p) >= ends.get(p));
        }
        return found;
    }

    /**
     * Bodies no endpoint may accept: malformed JSON, an unknown field, a wrong type, an oversized
     * string, or bytes that are not JSON at all, around fields the endpoints do know.
     */
    private static Arbitrary<String> invalidBodies() {
        Arbitrary<String> fieldName = Arbitraries.of("title", "description", "categoryCode", "location", "reporter", "text",
                "reason", "agencyCode", "suggestedAgencyCode", "declare", "withdraw", "rules", "classification", "channel");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(SecurityEndToEndIT::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "[1,\"a\",null]", "{\"regionCode\":7}", "1e309", "-0.0"));
        Arbitrary<String> fields = Combinators.combine(fieldName, value).as((name, v) -> "\"" + name + "\":" + v)
                .list().ofMaxSize(5).map(list -> String.join(",", list));
        return Arbitraries.oneOf(
                fields.map(known -> "{" + known + (known.isEmpty() ? "" : ",") + "\"unexpected\":1}"),
                fields.map(known -> "{" + known).map(open -> open.length() > 1 ? open.substring(0, open.length() - 1) : "{\"a\":"),
                fieldName.map(name -> "{\"" + name + "\":{\"nested\":[" + "[".repeat(50) + "]}}"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(200).map(raw -> "\u0000" + raw),
                Arbitraries.just("[" + "\"a\",".repeat(20_000) + "\"a\"]"),
                Arbitraries.strings().withChars("<>&\"'/ script").ofMinLength(1).ofMaxLength(100).map(text -> "<" + text));
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = RunningSuite.request(suite.gateway(path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readFor(InputStream stream, Duration duration) throws IOException {
        StringBuilder read = new StringBuilder();
        long deadline = System.nanoTime() + duration.toNanos();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            if (stream.available() > 0) {
                int n = stream.read(buffer);
                if (n < 0) {
                    break;
                }
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } else {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return read.toString();
    }

    private static String flipped(String signature) {
        char last = signature.charAt(signature.length() / 2);
        return signature.substring(0, signature.length() / 2) + (last == 'A' ? 'B' : 'A') + signature.substring(signature.length() / 2 + 1);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal of any text, control characters included. */
    private static String quoted(String text) {
        return JSON.valueToTree(text).toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
