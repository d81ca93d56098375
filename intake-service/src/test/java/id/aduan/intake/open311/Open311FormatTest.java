package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.open311.Open311Endpoint.Error;
import id.aduan.intake.open311.Open311Endpoint.Submitted;
import id.aduan.intake.open311.Services.Attribute;
import id.aduan.intake.open311.Services.Definition;
import id.aduan.intake.open311.Services.Service;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Aduan's records rendered as the GeoReport v2 wiki's own examples, in both formats
 * (src/test/resources/open311, whose README says how they were adapted).
 */
class Open311FormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIDEWALK = "Sidewalk and Curb Issues";
    private static final String JUDAH = "8TH AVE and JUDAH ST";

    record Value(String key, String name) {
    }

    @Test
    void theServiceList() throws IOException {
        List<Service> services = List.of(
                new Service("001", "Cans left out 24x7", "Garbage or recycling cans that have been left out for more than 24 hours "
                        + "after collection. Violators will be cited.", true, "realtime", "lorem, ipsum, dolor", "sanitation"),
                new Service("002", "Construction plate shifted", "Metal construction plate covering the street or sidewalk has "
                        + "been moved.", true, "realtime", "lorem, ipsum, dolor", "street"),
                new Service("003", "Curb or curb ramp defect", "Sidewalk curb or ramp has problems such as cracking, missing "
                        + "pieces, holes, and/or chipped curb.", true, "realtime", "lorem, ipsum, dolor", "street"));
        assertRendered("services", services, "services");
    }

    @Test
    void aServiceDefinition() throws IOException {
        Definition definition = new Definition("DMV66", List.of(new Attribute(true, "WHISHETN", "singlevaluelist", true, "", 1,
                "What is the ticket/tag/DL number?", List.of(new Value("123", "Ford"), new Value("124", "Chrysler")))));
        assertRendered("service_definition", definition, "service-definition");
    }

    @Test
    void theAnswerToASubmissionHasNoAbsentFields() throws IOException {
        Submitted submitted = new Submitted("293944", "The City will inspect and require the responsible party to correct within "
                + "24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code", null);
        assertRendered("service_requests", List.of(submitted), "post-response");
        assertThat(new String(Open311Format.JSON.render("service_requests", List.of(submitted)), StandardCharsets.UTF_8))
                .doesNotContain("null", "token", "account_id", "reporter_secret");
    }

    @Test
    void serviceRequests() throws IOException {
        List<ServiceRequest> requests = List.of(
                new ServiceRequest("638344", "closed", "Duplicate request.", SIDEWALK, "006", null, null,
                        Instant.parse("2010-04-14T06:37:38-08:00"), Instant.parse("2010-04-14T15:37:38-08:00"),
                        Instant.parse("2010-04-15T06:37:38-08:00"), JUDAH, 37.762221815, -122.4651145,
                        "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"),
                new ServiceRequest("638349", "open", null, SIDEWALK, "006", null, null,
                        Instant.parse("2010-04-19T06:37:38-08:00"), Instant.parse("2010-04-19T06:37:38-08:00"),
                        Instant.parse("2010-04-19T06:37:38-08:00"), JUDAH, 37.762221815, -122.4651145,
                        "http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"));
        assertRendered("service_requests", requests, "requests");
    }

    @Test
    void errors() throws IOException {
        assertRendered("errors", List.of(new Error(403, "Invalid api_key received -- can't proceed with create_request.")), "errors");
    }

    @Test
    void theDiscoveryDocument() throws IOException {
        Discovery discovery = new Discovery(Instant.parse("2011-04-05T17:48:34Z"),
                "Please email ( content.311@sfgov.org )  or call ( 415-701-2311 ) for assistance or to report bugs",
                "To get an API_KEY please visit this website:  http://107.20.203.180/dispatch/", List.of(
                        new Discovery.Endpoint(Discovery.SPECIFICATION, "http://open311.sfgov.org/dev/v2",
                                Instant.parse("2011-04-20T17:48:34Z"), "test", List.of("text/xml", "application/json")),
                        new Discovery.Endpoint(Discovery.SPECIFICATION, "http://open311.sfgov.org/v2",
                                Instant.parse("2011-04-20T17:48:34Z"), "production", List.of("text/xml"))));
        assertRendered("discovery", discovery, "discovery");
    }

    @Test
    void aConfiguredServerDiscoversItselfThroughTheGateway() throws IOException {
        Open311Settings settings = new Open311Settings("lapor.go.id", URI.create("https://aduan.example.id/"), "Hubungi kami.",
                "Minta kunci ke koordinator.", Instant.parse("2026-12-06T00:00:00Z"), "production");
        var discovery = JSON.readTree(Open311Format.JSON.render("discovery", Discovery.of(settings)));
        assertThat(discovery.at("/endpoints/0/url").asText()).isEqualTo("https://aduan.example.id/open311/v2");
        assertThat(discovery.at("/endpoints/0/specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.at("/endpoints/0/formats").toString()).isEqualTo("[\"text/xml\",\"application/json\"]");
        assertThat(settings.attachmentUrl("ADU-3F7KQ9M2XD", "att-1"))
                .isEqualTo("https://aduan.example.id/api/v1/complaints/ADU-3F7KQ9M2XD/attachments/att-1");
    }

    @Test
    void theFormatIsTheSuffixAndTheAnswerSaysItsType() {
        assertThat(Open311Format.of(MockServerHttpRequest.get("/open311/v2/services/INFRA.ROAD.xml").build()))
                .isEqualTo(Open311Format.XML);
        assertThat(Open311Format.of(MockServerHttpRequest.get("/open311/v2/services.json").build())).isEqualTo(Open311Format.JSON);
        ResponseEntity<byte[]> answer = Open311Format.XML.answer(HttpStatus.NOT_FOUND, "errors", List.of(new Error(404, "x")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/xml;charset=UTF-8"));
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotCarryAreLeftOut() {
        String xml = new String(Open311Format.XML.render("errors", List.of(new Error(400, "a < b & \"c\"\u0007 ok"))),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("<description>a &lt; b &amp; \"c\" ok</description>");
    }

    private static void assertRendered(String root, Object body, String fixture) throws IOException {
        String xml = new String(Open311Format.XML.render(root, body), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(withoutDeclaration(xml)).isEqualTo(withoutDeclaration(fixture(fixture + ".xml")));
        assertThat(JSON.readTree(Open311Format.JSON.render(root, body))).isEqualTo(JSON.readTree(fixture(fixture + ".json")));
    }

    /** The document without its declaration and the indentation between elements. */
    static String withoutDeclaration(String xml) {
        return xml.replaceFirst("^<\\?xml[^>]*\\?>", "").replaceAll(">\\s+<", "><").strip();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = Open311FormatTest.class.getResourceAsStream("/open311/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
