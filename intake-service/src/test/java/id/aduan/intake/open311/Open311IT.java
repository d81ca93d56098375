package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.intake.OverHttp;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Open311 GeoReport v2 over HTTP with a bearer token: discovery, services and requests in both
 * formats, submission through the shared path, the jurisdiction, public requests with their SLA due
 * date and first file. Client apps' api_key: {@link Open311ClientAppsIT}.
 */
@AduanServiceTest
class Open311IT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'f', 'o', 't', 'o'};

    @Autowired
    WebTestClient http;

    /** The first request warms the whole service up, which on a busy build machine takes longer than the client's 5 s. */
    @BeforeEach
    void waitLonger() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpointAndBothFormats() {
        http.get().uri("/open311/v2/discovery.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.changeset").isNotEmpty()
                .jsonPath("$.contact").isNotEmpty()
                .jsonPath("$.key_service").isNotEmpty()
                .jsonPath("$.endpoints[0].specification").isEqualTo("http://wiki.open311.org/GeoReport_v2")
                .jsonPath("$.endpoints[0].url").value(url -> assertThat((String) url).endsWith("/open311/v2"))
                .jsonPath("$.endpoints[0].type").isEqualTo("production")
                .jsonPath("$.endpoints[0].formats").isEqualTo(List.of("text/xml", "application/json"));
        Document discovery = xml(http.get().uri("/open311/v2/discovery.xml").exchange()
                .expectStatus().isOk().expectHeader().contentType(XML));
        assertThat(text(discovery, "/discovery/endpoints/endpoint/specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(discovery, "count(/discovery/endpoints/endpoint/formats/format)")).isEqualTo("2");
    }

    @Test
    void theServicesAreTheCategoryTreeInBothFormats() {
        http.get().uri("/open311/v2/services.json?jurisdiction_id=lapor.go.id").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].service_name").isEqualTo(List.of("Jalan"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].group").isEqualTo(List.of("Infrastruktur"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].type").isEqualTo(List.of("realtime"))
                .jsonPath("$[?(@.service_code == 'INFRA.ROAD')].metadata").isEqualTo(List.of(true))
                // A top-level category has no group: left out, not null.
                .jsonPath("$[?(@.service_code == 'INFRA')].group").isEqualTo(List.of());
        Document services = xml(http.get().uri("/open311/v2/services.xml").exchange().expectStatus().isOk()
                .expectHeader().contentType(XML));
        assertThat(text(services, "/services/service[service_code='INFRA.ROAD']/service_name")).isEqualTo("Jalan");
        assertThat(text(services, "count(/services/service[service_code='INFRA']/group)")).isEqualTo("0");
    }

    @Test
    void aServiceDefinitionOffersTheRegionAndAnUnknownServiceIsNotFound() {
        http.get().uri("/open311/v2/services/INFRA.ROAD.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service_code").isEqualTo("INFRA.ROAD")
                .jsonPath("$.attributes[0].code").isEqualTo("region_code")
                .jsonPath("$.attributes[0].required").isEqualTo(false)
                .jsonPath("$.attributes[0].datatype").isEqualTo("string")
                .jsonPath("$.attributes[1].code").isEqualTo("agency_code")
                .jsonPath("$.attributes[1].required").isEqualTo(false);
        Document definition = xml(http.get().uri("/open311/v2/services/INFRA.ROAD.xml").exchange().expectStatus().isOk());
        assertThat(text(definition, "/service_definition/attributes/attribute[1]/code")).isEqualTo("region_code");

        http.get().uri("/open311/v2/services/NOPE.json").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404)
                .jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("service_code"));
        Document notFound = xml(http.get().uri("/open311/v2/services/NOPE.xml").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(XML));
        assertThat(text(notFound, "/errors/error/code")).isEqualTo("404");
    }

    @Test
    void anotherJurisdictionIsNotServedHere() {
        for (String uri : List.of("/open311/v2/services.json?jurisdiction_id=sfgov.org",
                "/open311/v2/services/INFRA.ROAD.json?jurisdiction_id=sfgov.org",
                "/open311/v2/requests.json?jurisdiction_id=sfgov.org",
                "/open311/v2/requests/ADU-0000000000.json?jurisdiction_id=sfgov.org")) {
            http.get().uri(uri).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$[0].code").isEqualTo(404)
                    .jsonPath("$[0].description").value(description ->
                            assertThat((String) description).startsWith("jurisdiction_id").contains("lapor.go.id"));
        }
        MultiValueMap<String, String> foreign = form("INFRA.ROAD", "Yurisdiksi lain.");
        foreign.add("jurisdiction_id", "sfgov.org");
        http.post().uri("/open311/v2/requests.xml").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(foreign)).exchange()
                .expectStatus().isNotFound();
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
        http.get().uri("/open311/v2/requests.json?service_request_id={id},ADU-0000000000&jurisdiction_id=lapor.go.id", id)
                .exchange()
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
                // Nothing due yet, no file: left out rather than null.
                .jsonPath("$[0].expected_datetime").doesNotExist()
                .jsonPath("$[0].media_url").doesNotExist()
                .jsonPath("$[0].agency_responsible").doesNotExist();
        String raw = http.get().uri("/open311/v2/requests/{id}.json", id).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(raw).contains(id).doesNotContain("Siti", "siti@example.id", "6281234567890", "rep-", "secret", "null");

        Document request = xml(http.get().uri("/open311/v2/requests/{id}.xml", id).exchange().expectStatus().isOk()
                .expectHeader().contentType(XML));
        assertThat(text(request, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(request, "/service_requests/request/long")).isEqualTo("107.6191");
    }

    @Test
    void anXmlClientSubmitsAndIsAnsweredInXml() {
        Document answer = xml(http.post().uri("/open311/v2/requests.xml").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("INFRA.ROAD", "Lampu jalan mati, dikirim sebagai XML.")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().contentType(XML));
        assertThat(text(answer, "/service_requests/request/service_request_id")).startsWith("ADU-");
        assertThat(text(answer, "/service_requests/request/reporter_secret")).matches("[A-Za-z0-9_-]{43}");
        assertThat(text(answer, "count(/service_requests/request/token)")).isEqualTo("0");
    }

    @Test
    void requestsAreFilteredByServicesAndStatus() {
        String road = submit("INFRA.ROAD", "Jalan rusak untuk filter.");
        String health = submit("HEALTH", "Antrean puskesmas untuk filter.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/open311/v2/requests.json?service_request_id={a},{b}", road, health).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2));

        assertThat(ids("/open311/v2/requests.json?service_code=HEALTH")).contains(health).doesNotContain(road);
        assertThat(ids("/open311/v2/requests.json?service_code=HEALTH,INFRA.ROAD")).contains(health, road);
        assertThat(ids("/open311/v2/requests.json?status=open")).contains(road, health);
        assertThat(ids("/open311/v2/requests.json?status=closed")).doesNotContain(road, health);
        assertThat(ids("/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z")).isEmpty();
        http.get().uri("/open311/v2/requests.json?status=maybe").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].code").isEqualTo(400);
        http.get().uri("/open311/v2/requests.json?service_code=HEALTH,NOPE").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$[0].code").isEqualTo(404)
                .jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("service_code: NOPE"));
    }

    @Test
    void aRequestShowsItsSlaDueDateAndWhereToDownloadItsFirstFile() {
        String attachmentId = upload();
        String id = new OverHttp(http).submit("""
                {"title":"Lampu jalan mati","description":"Foto terlampir.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"},"attachmentIds":["%s"]}""".formatted(attachmentId)).trackingId();
        Instant due = Instant.parse("2026-12-11T09:00:00Z");
        TopicWriter.send(Complaints.envelope(new SlaClockStarted(id, "clk-v-" + id, ClockKind.VERIFICATION, null, "Asia/Jakarta",
                Instant.parse("2026-12-08T02:00:00Z"), 3, LocalDate.parse("2026-12-11"), due)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/open311/v2/requests/{id}.json", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].expected_datetime").isEqualTo("2026-12-11T09:00:00Z")
                .jsonPath("$[0].media_url").isEqualTo("http://localhost:8080/api/v1/complaints/" + id + "/attachments/" + attachmentId));
        http.get().uri("/api/v1/complaints/{id}/attachments/{attachment}", id, attachmentId).exchange()
                .expectStatus().isOk().expectBody(byte[].class).isEqualTo(JPEG);
    }

    @Test
    void aConfidentialComplaintIsNoOpen311Request() {
        String id = new OverHttp(http).submit("""
                {"title":"Rahasia","description":"Pungutan liar.","categoryCode":"CIVIL_SERVICE",
                 "location":{"regionCode":"32.73.01"},"confidential":true}""").trackingId();
        Published.submitted(id);
        http.get().uri("/open311/v2/requests/{id}.json", id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404);
        http.get().uri("/open311/v2/requests.json?service_request_id={id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void submittingNeedsATokenOrAKeyAndSomewhere() {
        http.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("INFRA.ROAD", "Tanpa token."))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$[0].code").isEqualTo(401)
                .jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("api_key"));
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.ombudsman()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("INFRA.ROAD", "Ombudsman tidak mengirim."))).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.agency("32.73.DPUPR")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("INFRA.ROAD", "Instansi tidak mengirim."))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$[0].code").isEqualTo(403);

        MultiValueMap<String, String> nowhere = form("INFRA.ROAD", "Tanpa wilayah, tanpa lokasi.");
        nowhere.remove("attribute[region_code]");
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(nowhere)).exchange()
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

        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("NOPE", "Layanan yang tidak ada."))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].description").value(description -> assertThat((String) description).startsWith("service_code"));
    }

    @Test
    void withoutARegionTheLocationIsEnoughAndTheCoordinatorsSetTheRegion() {
        MultiValueMap<String, String> noRegion = form("INFRA.ROAD", "Tanpa kode wilayah, dengan koordinat.");
        noRegion.remove("attribute[region_code]");
        List<?> answer = http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(noRegion)).exchange()
                .expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody();
        String id = (String) ((Map<?, ?>) answer.get(0)).get("service_request_id");

        ComplaintSubmitted event = Published.submitted(id);
        assertThat(event.location().regionCode()).isEqualTo("00");
        assertThat(event.location().latitude()).isEqualTo(-6.9175);
        assertThat(event.location().address()).isEqualTo("Jl. Merdeka 12");
    }

    @Test
    void aJsonClientSubmitsToo() {
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"service_code":"HEALTH.PUSKESMAS","description":"Puskesmas tutup di jam layanan.",
                         "attribute":{"region_code":"32.73"},"lat":-6.9,"long":107.6,"jurisdiction_id":"lapor.go.id"}""")
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
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(List.class).returnResult().getResponseBody();
        Map<String, Object> submitted = (Map<String, Object>) answer.get(0);
        assertThat(submitted.get("reporter_secret")).asString().matches("[A-Za-z0-9_-]{43}");
        assertThat(submitted).doesNotContainKeys("account_id", "token").containsKey("service_notice");
        return (String) submitted.get("service_request_id");
    }

    static MultiValueMap<String, String> form(String serviceCode, String description) {
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

    private String upload() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(JPEG) {
            @Override
            public String getFilename() {
                return "lampu.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        Map<String, Object> uploaded = http.post().uri("/api/v1/attachments").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) uploaded.get("id");
    }

    private List<String> ids(String uri) {
        List<?> requests = http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return requests.stream().map(request -> (String) ((Map<?, ?>) request).get("service_request_id")).toList();
    }

    static Document xml(WebTestClient.ResponseSpec response) {
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
    }

    static String text(Document document, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }
}
