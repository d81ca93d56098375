package id.aduan.intake.open311;

import static id.aduan.intake.open311.Open311IT.text;
import static id.aduan.intake.open311.Open311IT.xml;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;

/** Open311 client apps: coordinators issue and revoke their api_key, and a stock client submits with it alone. */
@AduanServiceTest
class Open311ClientAppsIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final String APPS = "/api/v1/open311/client-apps";

    @Autowired
    WebTestClient http;

    /** The first request warms the whole service up, which on a busy build machine takes longer than the client's 5 s. */
    @BeforeEach
    void waitLonger() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKeyIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
        Map<String, Object> issued = issue("Jaga Kota Bandung");
        String key = (String) issued.get("apiKey");
        assertThat(key).startsWith("aduan311_").hasSizeGreaterThan(40);
        assertThat(issued).containsEntry("name", "Jaga Kota Bandung").containsEntry("issuedBy", "coordinator")
                .containsKeys("appId", "issuedAt").doesNotContainKey("revokedAt");

        String stored = jdbc.queryForObject("SELECT key_hash FROM open311_client_app WHERE app_id = ?", String.class,
                issued.get("appId"));
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8))));
        String listed = http.get().uri(APPS).headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains((String) issued.get("appId")).doesNotContain(key, stored, "apiKey");
    }

    @Test
    void onlyCoordinatorsIssueKeysForANamedApp() {
        http.post().uri(APPS).headers(h -> h.setBearerAuth(TOKENS.citizen())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Aplikasi warga\"}").exchange().expectStatus().isForbidden();
        http.post().uri(APPS).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Tanpa token\"}").exchange()
                .expectStatus().isUnauthorized();
        http.post().uri(APPS).headers(h -> h.setBearerAuth(TOKENS.coordinator())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\" \"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        http.delete().uri(APPS + "/no-such-app").headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The wiki's sample POST, with one of Aduan's services and its jurisdiction: the key alone authenticates it. */
    @Test
    void theSpecsSampleRequestIsSubmittedWithTheKeyAloneAsTheClientApp() throws Exception {
        String key = (String) issue("Open311 sample client").get("apiKey");
        String body = Open311FormatTest.fixture("post-request.form").strip()
                .replace("api_key=xyz", "api_key=" + key)
                .replace("jurisdiction_id=city.gov", "jurisdiction_id=lapor.go.id")
                .replace("service_code=001", "service_code=INFRA.ROAD");

        Document answer = xml(http.post().uri("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body).exchange()
                .expectStatus().isCreated());
        String id = text(answer, "/service_requests/request/service_request_id");
        assertThat(id).startsWith("ADU-");

        ComplaintSubmitted event = Published.submitted(id);
        assertThat(event.channel()).isEqualTo(Channel.OPEN311);
        assertThat(event.description()).isEqualTo("A large sinkhole is destroying the street");
        // No region attribute: the coordinators set it at verification; the point and the address are kept.
        assertThat(event.location().regionCode()).isEqualTo("00");
        assertThat(event.location().latitude()).isEqualTo(37.76524078);
        assertThat(event.location().address()).isEqualTo("1234 5th street");
        assertThat(event.reporterRef()).isNotNull();
    }

    @Test
    void aKeyInTheQueryStringWorksAndTheSameIdempotencyKeyGivesTheSameRequest() {
        String key = (String) issue("Query-string client").get("apiKey");
        MultiValueMap<String, String> form = Open311IT.form("INFRA.ROAD", "Kunci di query string.");
        String first = submitWithKey(key, form, "open311-repeat-1").expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath();
        submitWithKey(key, form, "open311-repeat-1").expectStatus().isOk()
                .expectBody().jsonPath("$[0].service_request_id").value(id -> assertThat(first).endsWith((String) id))
                .jsonPath("$[0].reporter_secret").doesNotExist();
    }

    @Test
    void aWrongOrRevokedKeyIsRefusedTheOpen311Way() {
        Map<String, Object> issued = issue("Aplikasi yang dicabut");
        String key = (String) issued.get("apiKey");
        MultiValueMap<String, String> form = Open311IT.form("INFRA.ROAD", "Sebelum dicabut.");
        submitWithKey(key, form, null).expectStatus().isCreated();

        http.delete().uri(APPS + "/{id}", issued.get("appId")).headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revokedAt").isNotEmpty().jsonPath("$.apiKey").doesNotExist();
        submitWithKey(key, Open311IT.form("INFRA.ROAD", "Sesudah dicabut."), null)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].code").isEqualTo(403)
                .jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("api_key"));
        submitWithKey("aduan311_not-a-key", Open311IT.form("INFRA.ROAD", "Kunci palsu."), null).expectStatus().isForbidden();
        // Still listed, as revoked.
        http.get().uri(APPS).headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .value(apps -> assertThat(apps).anyMatch(app -> app.get("appId").equals(issued.get("appId"))
                        && app.get("revokedAt") != null));
    }

    @Test
    void theOpen311AndClientAppEndpointsAreInTheApiDocument() {
        String document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(document).contains("\"/api/v1/open311/client-apps\"", "\"/api/v1/open311/client-apps/{appId}\"",
                "\"/open311/v2/discovery.xml\"", "\"/open311/v2/requests.xml\"", "\"/open311/v2/services/{serviceCode}.xml\"");
    }

    private WebTestClient.ResponseSpec submitWithKey(String key, MultiValueMap<String, String> form, String idempotencyKey) {
        return http.post().uri("/open311/v2/requests.json?api_key={key}", key)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
    }

    private Map<String, Object> issue(String name) {
        return http.post().uri(APPS).headers(h -> h.setBearerAuth(TOKENS.coordinator())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name)).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith(APPS + "/"))
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }
}
