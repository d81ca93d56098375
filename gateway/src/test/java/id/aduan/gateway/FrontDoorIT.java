package id.aduan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** What the front door does besides routing: rate limits, body limits, headers, CORS and the audit trail. */
@AduanServiceTest
class FrontDoorIT {

    private static final Map<String, StubService> SERVICES = Map.of(
            "intake", new StubService("intake"),
            "routing", new StubService("routing"),
            "sla", new StubService("sla"),
            "reporting", new StubService("reporting"));
    private static final String WEB_APP = "https://lapor.example.id";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    /** The caller most tests use; as patient as those from other addresses (a 5 s default flaked on a busy machine). */
    WebTestClient http;

    @BeforeEach
    void callFromLoopback() {
        http = from("127.0.0.1");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, service) -> registry.add("aduan.services." + name, service::uri));
        // Long enough that no bucket refills while a test runs.
        registry.add("aduan.gateway.rate-limits.per", () -> "1m");
        registry.add("aduan.gateway.rate-limits.per-person", () -> 3);
        registry.add("aduan.gateway.rate-limits.per-address", () -> 8);
        registry.add("aduan.gateway.rate-limits.per-app", () -> 4);
        registry.add("aduan.gateway.rate-limits.apps.partner-portal", () -> 2);
        registry.add("aduan.gateway.rate-limits.apps.load-test", () -> 0);
        registry.add("aduan.gateway.rate-limits.reads-per-address", () -> 4);
        registry.add("aduan.gateway.cors.allowed-origins", () -> WEB_APP);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(StubService::stop);
    }

    // Each rate limit test calls from an address of its own (127.0.0.x), so their address buckets are apart.

    @Test
    void aPersonOverTheirLimitIsToldWhenToComeBackWhileAnotherPersonOnTheSameAppStillSubmits() {
        WebTestClient fromHome = from("127.0.0.2");
        String first = Tokens.person("warga-first", "aduan-web");
        for (int i = 0; i < 3; i++) {
            submit(fromHome, first).expectStatus().isOk();
        }
        submit(fromHome, first).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.RATE_LIMITED.uri().toString())
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("account"));
        submit(fromHome, Tokens.person("warga-second", "aduan-web")).expectStatus().isOk();
        // Reading is never limited.
        fromHome.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD").exchange().expectStatus().isOk();
    }

    @Test
    void manyPeopleFromOneAddressAreLimitedTogether() {
        WebTestClient fromOneAddress = from("127.0.0.3");
        for (int person = 0; person < 8; person++) {
            submit(fromOneAddress, Tokens.person("warga-" + person, "aduan-web")).expectStatus().isOk();
        }
        submit(fromOneAddress, Tokens.person("warga-8", "aduan-web")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("address"));
    }

    @Test
    void anAppsOwnTokenHasTheAppsAllowanceWhateverItsAddress() {
        WebTestClient fromPortal = from("127.0.0.4");
        for (int i = 0; i < 2; i++) {
            submit(fromPortal, Tokens.app("partner-portal")).expectStatus().isOk();
        }
        submit(fromPortal, Tokens.app("partner-portal")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("app"));
        // An app the settings do not name has the default allowance (4 here).
        for (int i = 0; i < 4; i++) {
            submit(fromPortal, Tokens.app("citizen-app")).expectStatus().isOk();
        }
        submit(fromPortal, Tokens.app("citizen-app")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // Allowance 0 is unlimited: more than any person's, address's or app's limit above.
        for (int i = 0; i < 12; i++) {
            submit(fromPortal, Tokens.app("load-test")).expectStatus().isOk();
        }
    }

    @Test
    void theWebAppsPortalHasTheAllowanceOfManyCitizens() {
        // The shipped settings (6000 a minute): every anonymous citizen's submission through the web app carries this one token.
        WebTestClient fromTheWebApp = from("127.0.0.6");
        for (int i = 0; i < 12; i++) {
            submit(fromTheWebApp, Tokens.app("web-portal")).expectStatus().isOk();
        }
    }

    @Test
    void thePublicStatisticsAreLimitedPerAddressWithTheirOwnAllowance() {
        WebTestClient fromOneAddress = from("127.0.0.9");
        for (int i = 0; i < 4; i++) {
            fromOneAddress.get().uri("/api/v1/public/statistics?year=2025").exchange().expectStatus().isOk();
        }
        fromOneAddress.get().uri("/api/v1/public/statistics?region=32").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("address"));
        // A token changes nothing: the address is counted either way.
        fromOneAddress.get().uri("/api/v1/public/statistics").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // The reads' allowance is their own: the same address still submits, and another address still reads.
        submit(fromOneAddress, Tokens.person("warga-reader", "aduan-web")).expectStatus().isOk();
        from("127.0.0.10").get().uri("/api/v1/public/statistics").exchange().expectStatus().isOk();
    }

    @Test
    void aTokenThatNamesNoAppCountsAsAPersons() {
        WebTestClient fromElsewhere = from("127.0.0.5");
        String noClientId = TestIssuer.shared().token("older-app", List.of("citizen"), null);
        for (int i = 0; i < 3; i++) {
            submit(fromElsewhere, noClientId).expectStatus().isOk();
        }
        submit(fromElsewhere, noClientId).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItReachesTheService() {
        int before = SERVICES.get("intake").requests().size();
        http.post().uri("/api/v1/complaints/ADU-3F7KQ9M2XD/follow-ups")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().agency("32.73.DPUPR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"" + "a".repeat(300_000) + "\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
        assertThat(SERVICES.get("intake").requests()).hasSize(before);
        // An import of the same size is within the upload limit.
        http.post().uri("/api/v1/imports").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[300_000])
                .exchange().expectStatus().isOk();
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        http.get().uri("/api/v1/reports/national").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("Content-Security-Policy");
    }

    @Test
    void theGatewayStartsATraceTellsTheCallerItsIdAndPassesItOn() {
        String traceId = http.get().uri("/api/v1/complaints/ADU-9K2M4N6P8Q").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        List<String> received = SERVICES.get("intake").traceparents();
        assertThat(received.get(received.size() - 1)).startsWith("00-" + traceId + "-");
    }

    @Test
    void onlyTheConfiguredWebAppMayCallFromABrowser() {
        http.options().uri("/api/v1/complaints")
                .header(HttpHeaders.ORIGIN, WEB_APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP);
        http.options().uri("/api/v1/complaints")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoWhatWhenAndFromWhere() {
        String agency = TestIssuer.shared().agency("32.73.DPUPR");
        http.post().uri("/api/v1/complaints/ADU-7Q2W9E4R6T/follow-ups").headers(h -> h.setBearerAuth(agency))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Sudah ditambal.\"}")
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/complaints/ADU-7Q2W9E4R6T").headers(h -> h.setBearerAuth(agency))
                .exchange().expectStatus().isOk();

        // The outcome is stored as the answer goes out, not awaited by it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/audit?complaintId=ADU-7Q2W9E4R6T")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].actor").isEqualTo("agency-32.73.DPUPR")
                .jsonPath("$.entries[0].roles[0]").isEqualTo("AGENCY")
                .jsonPath("$.entries[0].agency").isEqualTo("32.73.DPUPR")
                .jsonPath("$.entries[0].method").isEqualTo("POST")
                .jsonPath("$.entries[0].path").isEqualTo("/api/v1/complaints/ADU-7Q2W9E4R6T/follow-ups")
                .jsonPath("$.entries[0].status").isEqualTo(200)
                .jsonPath("$.entries[0].clientAddress").isEqualTo("127.0.0.1")
                .jsonPath("$.entries[0].at").exists());
        http.get().uri("/api/v1/audit?agency=32.73.DPUPR&size=1").headers(h -> h.setBearerAuth(TestIssuer.shared().ombudsman()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.entries.length()").isEqualTo(1);
        http.get().uri("/api/v1/audit").headers(h -> h.setBearerAuth(agency)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/audit?size=1000").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        http.method(HttpMethod.DELETE).uri("/api/v1/audit").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().is4xxClientError();
    }

    @Test
    void anEntryStoredInTheEarlierShapeIsListedWithTheStatusItCarries() {
        Mono.from(database.getCollection("audit").insertOne(new Document("_id", "audit-earlier-shape")
                .append("at", Date.from(Instant.parse("2026-05-04T03:02:01.123Z"))).append("actor", "coordinator-earlier")
                .append("roles", List.of("COORDINATOR")).append("agency", null).append("clientAddress", "10.0.0.7")
                .append("method", "POST").append("path", "/api/v1/complaints/ADU-9X8C7V6B5N/verification")
                .append("complaintId", "ADU-9X8C7V6B5N").append("status", 409))).block();

        from("127.0.0.20").get().uri("/api/v1/audit?complaintId=ADU-9X8C7V6B5N")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].id").isEqualTo("audit-earlier-shape")
                .jsonPath("$.entries[0].at").isEqualTo("2026-05-04T03:02:01.123Z")
                .jsonPath("$.entries[0].actor").isEqualTo("coordinator-earlier")
                .jsonPath("$.entries[0].roles[0]").isEqualTo("COORDINATOR")
                .jsonPath("$.entries[0].clientAddress").isEqualTo("10.0.0.7")
                .jsonPath("$.entries[0].status").isEqualTo(409);
    }

    @Test
    void anEntryAndItsOutcomeAreStoredUnderTheFieldNamesAndTypesTheyHadBefore() {
        String agency = TestIssuer.shared().agency("35.78.DPUPR");
        from("127.0.0.21").post().uri("/api/v1/complaints/ADU-3S4D5F6G7H/follow-ups").headers(h -> h.setBearerAuth(agency))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Sudah ditambal.\"}")
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document entry = Mono.from(database.getCollection("audit").find(new Document("complaintId", "ADU-3S4D5F6G7H"))).block();
            assertThat(entry).isNotNull();
            assertThat(entry.keySet()).containsExactlyInAnyOrder("_id", "at", "actor", "roles", "agency", "clientAddress", "method",
                    "path", "complaintId");
            assertThat(entry.get("at")).isInstanceOf(Date.class);
            assertThat(entry.getList("roles", String.class)).containsExactly("AGENCY");
            Document outcome = Mono.from(database.getCollection("audit-outcomes").find(new Document("_id", entry.get("_id")))).block();
            assertThat(outcome).isNotNull();
            assertThat(outcome.keySet()).containsExactly("_id", "status", "at");
            assertThat(outcome.get("status")).isEqualTo(200);
            assertThat(outcome.get("at")).isInstanceOf(Date.class);
        });
    }

    /** A client calling the gateway from this loopback address. */
    private WebTestClient from(String address) {
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        // As patient as a slow machine needs: what is tested is the answer, not its speed.
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static WebTestClient.ResponseSpec submit(WebTestClient http, String token) {
        return http.post().uri("/api/v1/complaints").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Jalan rusak\"}").exchange();
    }
}
