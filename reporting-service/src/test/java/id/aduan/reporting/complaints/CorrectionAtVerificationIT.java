package id.aduan.reporting.complaints;

import static id.aduan.contracts.ComplaintIds.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.reporting.Deliveries;
import id.aduan.reporting.History;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A coordinator's correction at verification moves the complaint to the region and category it is really about. */
@AduanServiceTest
class CorrectionAtVerificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WebTestClient http;

    @Test
    void theCorrectedRegionAndCategoryCountInPlaceOfTheSubmittedOnesOnceHoweverOftenDelivered() {
        String agency = History.newAgencyCode();
        String id = next();
        Instant now = Instant.now();
        // An SMS without a region (00) in the general category, which routing left with the agency.
        Deliveries.deliver(Deliveries.envelopes(History.submitted(id, Channel.SMS, "GENERAL", "00", now)
                .routedTo(agency, now).events()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(agency(agency).get("routedIn").asLong()).isEqualTo(1));
        JsonNode submitted = agency(agency);
        assertThat(submitted.at("/byCategory/GENERAL/received").asLong()).isEqualTo(1);
        assertThat(submitted.at("/byRegion/UNSPECIFIED/received").asLong()).isEqualTo(1);

        EventEnvelope<AduanEvent> correction = Complaints.envelope(new ComplaintVerified(id, Classification.ASPIRATION,
                "INFRA.ROAD", false, false, now.plusSeconds(60), "32.73.01", "koordinator-ani"));
        Deliveries.deliver(List.of(correction, correction));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(agency(agency).at("/byCategory/INFRA.ROAD/received").asLong())
                .isEqualTo(1));
        JsonNode corrected = agency(agency);
        assertThat(corrected.get("received").asLong()).isEqualTo(1);
        assertThat(corrected.at("/byCategory/GENERAL/received").asLong()).isZero();
        assertThat(corrected.at("/byRegion/32.73.01/received").asLong()).isEqualTo(1);
        assertThat(corrected.at("/byRegion/UNSPECIFIED/received").asLong()).isZero();
    }

    private JsonNode agency(String code) {
        return http.get().uri("/api/v1/reports/agencies/" + code)
                .headers(headers -> headers.setBearerAuth(TestIssuer.shared().coordinator())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
