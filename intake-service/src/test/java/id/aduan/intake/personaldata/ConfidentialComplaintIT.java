package id.aduan.intake.personaldata;

import static id.aduan.intake.OverHttp.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.testkit.AduanServiceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A confidential (rahasia) complaint does not exist for the public: every public path answers it
 * exactly as an unknown id (404, not 403, which would confirm it exists) and no public list has it.
 */
@AduanServiceTest
class ConfidentialComplaintIT {

    private static final String BODY = """
            {"title":"Guru meminta pungutan","description":"Pungutan untuk ujian.","categoryCode":"INFRA.ROAD",
             "location":{"regionCode":"32.73.01"},"confidential":%s,"reporter":{"name":"Rina","email":"rina@example.id"}}""";

    @Autowired
    WebTestClient http;

    private OverHttp intake;

    @BeforeEach
    void setUp() {
        intake = new OverHttp(http);
    }

    @Test
    void aConfidentialComplaintIsNotFoundOnAnyPublicPath() {
        Submitted rahasia = intake.submit(BODY.formatted(true));
        intake.awaitView(rahasia.trackingId(), "\"confidential\":true");

        assertHiddenFromThePublic(rahasia.trackingId());
        intake.track(rahasia.trackingId(), null, rahasia.secret()).expectStatus().isOk();
        intake.track(rahasia.trackingId(), TOKENS.coordinator(), null).expectStatus().isOk();
        intake.track(rahasia.trackingId(), TOKENS.ombudsman(), null).expectStatus().isOk();
    }

    @Test
    void aComplaintTheCoordinatorMakesConfidentialAtVerificationDisappearsFromThePublic() {
        Submitted complaint = intake.submit(BODY.formatted(false));
        intake.awaitView(complaint.trackingId(), "\"status\"");
        http.get().uri("/open311/v2/requests/{id}.json", complaint.trackingId()).exchange().expectStatus().isOk();

        intake.verify(complaint.trackingId(), false, true);
        intake.awaitView(complaint.trackingId(), "\"confidential\":true");

        assertHiddenFromThePublic(complaint.trackingId());
    }

    private void assertHiddenFromThePublic(String trackingId) {
        for (String token : new String[] {null, TOKENS.citizen(), TOKENS.agency("32.73.DINKES")}) {
            intake.track(trackingId, token, null).expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        intake.track(trackingId, null, "not-the-secret").expectStatus().isNotFound();
        http.get().uri("/open311/v2/requests/{id}.json", trackingId).exchange().expectStatus().isNotFound();
        assertThat(body("/open311/v2/requests.json?service_request_id=" + trackingId)).isEqualTo("[]");
        String soon = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(body("/open311/v2/requests.json?service_code=INFRA.ROAD&end_date=" + soon)).doesNotContain(trackingId);
        assertThat(body("/open311/v2/requests.json")).doesNotContain(trackingId);
    }

    private String body(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
