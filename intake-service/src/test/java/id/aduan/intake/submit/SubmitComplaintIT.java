package id.aduan.intake.submit;

import id.aduan.intake.StoredEvents;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class SubmitComplaintIT {

    private static final String VALID = """
            {"title":"Jalan berlubang di depan SDN 1",
             "description":"Lubang besar di Jalan Merdeka sejak dua minggu.",
             "categoryCode":"INFRA.ROAD",
             "location":{"regionCode":"32.73.01","latitude":-6.9147,"longitude":107.6098},
             "addressedAgencyCode":"32.73.DPUPR",
             "channel":"MOBILE_APP",
             "reporter":{"name":"Siti Aminah","email":"siti@example.id","phone":"+6281234567890","nik":"3273014501900002"}}""";

    @Autowired
    WebTestClient http;

    @Test
    void aCitizenSubmitsAndTheComplaintIsPublishedWithoutTheReportersIdentity() {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/complaints/ADU-[0-9A-Z]{10}")
                .expectBody(Map.class).returnResult().getResponseBody();
        String trackingId = (String) answer.get("trackingId");
        assertThat(trackingId).matches("ADU-[0-9A-HJKMNP-TV-Z]{10}");

        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            EventEnvelope<ComplaintSubmitted> published =
                    complaints.awaitEvent(ComplaintSubmitted.class, trackingId, Duration.ofSeconds(30));
            ComplaintSubmitted event = published.data();
            assertThat(event.channel()).isEqualTo(Channel.MOBILE_APP);
            assertThat(event.addressedAgencyCode()).isEqualTo("32.73.DPUPR");
            assertThat(event.location().regionCode()).isEqualTo("32.73.01");
            assertThat(event.reporterRef()).startsWith("rep-");
            assertThat(published.source()).isEqualTo("/aduan/intake-service");

            String raw = new String(complaints.awaitRecord(r -> trackingId.equals(r.key()), Duration.ofSeconds(1)).value());
            assertThat(raw).doesNotContain("Siti", "siti@example.id", "6281234567890", "3273014501900002");
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        long eventsBefore = StoredEvents.all();
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID.replace("\"32.73.01\"", "\"Bandung\"").replace("Jalan berlubang di depan SDN 1", "")
                        .replace("3273014501900002", "32730145"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'location.regionCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'reporter.nik')]").exists();
        assertThat(StoredEvents.all()).isEqualTo(eventsBefore);
    }

    @Test
    void aRegionTheReferenceDoesNotKnowIsRefusedAndAProvinceOrAVillageOfAKnownDistrictIsAccepted() {
        long eventsBefore = StoredEvents.all();
        // Well-formed, but Papua Tengah (94) has no regency 71.
        submit(VALID.replace("\"32.73.01\"", "\"94.71.01\""))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("location.regionCode")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("Kemendagri reference"));
        submit(VALID.replace("\"32.73.01\"", "\"94.71.01.1001\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("location.regionCode");
        assertThat(StoredEvents.all()).isEqualTo(eventsBefore);

        submit(VALID.replace("\"32.73.01\"", "\"32\"")).expectStatus().isCreated();
        submit(VALID.replace("\"32.73.01\"", "\"32.73.01.1001\"")).expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec submit(String body) {
        return http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedNamingTheField() {
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID.replace("\"channel\"", "\"chanel\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("chanel");
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID.replace("-6.9147", "\"south\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("location.latitude");
    }

    @Test
    void submittingNeedsATokenOfARoleThatMaySubmit() {
        http.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().ombudsman()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange().expectStatus().isForbidden();
    }

}
