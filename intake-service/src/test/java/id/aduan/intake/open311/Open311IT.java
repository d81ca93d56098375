package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** Open311 GeoReport v2 over HTTP: services, submission through the shared path, public requests. */
@AduanServiceTest
class Open311IT {

    private static final TestIssuer TOKENS = TestIssuer.shared();

    @Autowired
    WebTestClient http;

    @Test
    void theServicesAreTheCategoryTree() {
        http.get().uri("/open311/v2/services.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].service_name").isEqualTo(List.of("Jalan"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].group").isEqualTo(List.of("Infrastruktur"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].type").isEqualTo(List.of("realtime"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].metadata").isEqualTo(List.of(true));
    }

    @Test
    void aServiceDefinitionAsksForTheRegionAndAnUnknownServiceIsNotFound() {
        http.get().uri("/open311/v2/services/INFRA.ROAD.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service_code").isEqualTo("INFRA.ROAD")
                .jsonPath("$.attributes[0].code").isEqualTo("region_code")
                .jsonPath("$.attributes[0].required").isEqualTo(true)
                .jsonPath("$.attributes[0].datatype").isEqualTo("string")
                .jsonPath("$.attributes[1].code").isEqualTo("agency_code")
                .jsonPath("$.attributes[1].required").isEqualTo(false);
        http.get().uri("/open311/v2/services/NOPE.json").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404);
    }

    @Test
    void aClientSubmitsAFormAndAnyoneFollowsTheRequestWithoutTheReporter() {
        String id = submit("INFRA.ROAD", "Lubang besar di Jalan Merdeka open311-it.");

        ComplaintSubmitted event = Published.submitted(id);
        assertThat(event.channel()).isEqualTo(Channel.OPEN311);
        assertThat(event.categoryCode()).isEqualTo("INFRA.ROAD");
        assertThat(event.location().latitude()).isEqualTo(-6.9175);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/open311/v2/requests.json?service_request_id={id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1));
        http.get().uri("/open311/v2/requests.json?service_request_id={id},ADU-0000000000", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].service_request_id").isEqualTo(id)
                .jsonPath("$[0].status").isEqualTo("open")
                .jsonPath("$[0].service_code").isEqualTo("INFRA.ROAD")
                .jsonPath("$[0].service_name").isEqualTo("Jalan")
                .jsonPath("$[0].address").isEqualTo("Jl. Merdeka 12")
                .jsonPath("$[0].lat").isEqualTo(-6.9175)
                .jsonPath("$[0].long").isEqualTo(107.6191)
                .jsonPath("$[0].status_notes").isEqualTo("Laporan diterima melalui kanal OPEN311.")
                .jsonPath("$[0].expected_datetime").isEmpty();
        String raw = http.get().uri("/open311/v2/requests/{id}.json", id).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(raw).contains(id).doesNotContain("Siti", "siti@example.id", "6281234567890", "rep-", "secret");
    }

    @Test
    void requestsAreFilteredByServiceAndStatus() {
        String road = submit("INFRA.ROAD", "Jalan rusak untuk filter.");
        String health = submit("HEALTH", "Antrean puskesmas untuk filter.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/open311/v2/requests.json?service_request_id={a},{b}", road, health).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2));

        assertThat(ids("/open311/v2/requests.json?service_code=HEALTH")).contains(health).doesNotContain(road);
        assertThat(ids("/open311/v2/requests.json?status=open")).contains(road, health);
        assertThat(ids("/open311/v2/requests.json?status=closed")).doesNotContain(road, health);
        assertThat(ids("/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z")).isEmpty();
        http.get().uri("/open311/v2/requests.json?status=maybe").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].code").isEqualTo(400);
    }

    @Test
    void aConfidentialComplaintIsNoOpen311Request() {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title":"Rahasia","description":"Pungutan liar.","categoryCode":"CIVIL_SERVICE",
                         "location":{"regionCode":"32.73.01"},"confidential":true}""")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) answer.get("trackingId");
        Published.submitted(id);
        http.get().uri("/open311/v2/requests/{id}.json", id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404);
        http.get().uri("/open311/v2/requests.json?service_request_id={id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void submittingNeedsATokenAndValidFields() {
        http.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("INFRA.ROAD", "Tanpa token."))).exchange()
                .expectStatus().isUnauthorized();

        MultiValueMap<String, String> noRegion = form("INFRA.ROAD", "Tanpa wilayah.");
        noRegion.remove("attribute[region_code]");
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(noRegion)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("attribute[region_code]"));

        MultiValueMap<String, String> unknownRegion = form("INFRA.ROAD", "Wilayah yang tidak ada.");
        unknownRegion.set("attribute[region_code]", "94.71.01");
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(unknownRegion)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").value(description ->
                        assertThat((String) description).startsWith("attribute[region_code]: is not a region of the Kemendagri reference"));
    }

    @Test
    void aJsonClientSubmitsToo() {
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"service_code":"HEALTH.PUSKESMAS","description":"Puskesmas tutup di jam layanan.",
                         "attribute":{"region_code":"32.73"},"lat":-6.9,"long":107.6}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$[0].service_request_id").value(id -> assertThat((String) id).startsWith("ADU-"));
    }

    @SuppressWarnings("unchecked")
    private String submit(String serviceCode, String description) {
        List<?> answer = http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form(serviceCode, description)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(List.class).returnResult().getResponseBody();
        Map<String, Object> submitted = (Map<String, Object>) answer.get(0);
        assertThat(submitted.get("reporter_secret")).asString().matches("[A-Za-z0-9_-]{43}");
        assertThat(submitted).containsEntry("account_id", null).containsEntry("token", null).containsKey("service_notice");
        return (String) submitted.get("service_request_id");
    }

    private static MultiValueMap<String, String> form(String serviceCode, String description) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("service_code", serviceCode);
        form.add("description", description);
        form.add("attribute[region_code]", "32.73.01");
        form.add("lat", "-6.9175");
        form.add("long", "107.6191");
        form.add("address_string", "Jl. Merdeka 12");
        form.add("first_name", "Siti");
        form.add("last_name", "Aminah");
        form.add("email", "siti@example.id");
        form.add("phone", "+6281234567890");
        return form;
    }

    private List<String> ids(String uri) {
        List<?> requests = http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return requests.stream().map(request -> (String) ((Map<?, ?>) request).get("service_request_id")).toList();
    }
}
