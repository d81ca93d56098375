package id.aduan.routing.correction;

import static id.aduan.routing.RoutingCalls.awaitStep;
import static id.aduan.routing.RoutingCalls.submit;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.routing.RoutingCalls;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A coordinator corrects a complaint's category or region at verification, and routing follows the competence rules. */
@AduanServiceTest
class CorrectionIT {

    private static final String COORDINATOR = "koordinator-ani";

    private final TestIssuer issuer = TestIssuer.shared();
    private final RoutingCalls calls;

    @Autowired
    RouteCorrections corrections;

    CorrectionIT(@Autowired WebTestClient http) {
        this.calls = new RoutingCalls(http);
    }

    private static EventEnvelope<ComplaintVerified> verified(String id, String categoryCode, String regionCode) {
        return Complaints.envelope(new ComplaintVerified(id, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, categoryCode,
                false, false, Instant.now(), regionCode, COORDINATOR));
    }

    @Test
    void anSmsWithoutARegionLeavesTheQueueForTheCompetentAgencyOnceItsRegionIsCorrected() {
        String id = submit("INFRA.ROAD", "00", null);
        calls.chain(id, issuer.coordinator()).expectBody().jsonPath("$.decisions[0].destination").isEqualTo("COORDINATORS_QUEUE");

        EventEnvelope<ComplaintVerified> verification = verified(id, "INFRA.ROAD", "32.73.01");
        TopicWriter.send(verification);

        ComplaintRouted routed = (ComplaintRouted) awaitStep(id, Step.DISPOSED, 0).data();
        assertThat(routed.agencyCode()).isEqualTo("32.73.DPUPR");
        assertThat(routed.rule()).isEqualTo("local-roads");
        assertThat(routed.actor()).isEqualTo(COORDINATOR);
        assertThat(routed.reason()).isEqualTo("region corrected from 00 to 32.73.01 at verification");
        assertThat(routed.explanation()).startsWith("A national coordinator's correction (region corrected from 00 to 32.73.01"
                + " at verification) re-routed it from the coordinators' queue. Dinas Pekerjaan Umum dan Penataan Ruang Kota"
                + " Bandung (32.73.DPUPR) is competent");

        // The same verification again, over Kafka and straight to the handler: still one step for it.
        TopicWriter.send(verification);
        ConsumerGroups.awaitCaughtUp("routing-service", RoutingCalls.PATIENCE, Topic.COMPLAINTS);
        corrections.on(verification).block(Duration.ofSeconds(30));
        calls.chain(id, issuer.coordinator()).expectBody()
                .jsonPath("$.decisions.length()").isEqualTo(2)
                .jsonPath("$.decisions[1].step").isEqualTo("DISPOSED")
                .jsonPath("$.decisions[1].inputs.regionCode").isEqualTo("32.73.01");
        calls.get("/api/v1/routing/queue?size=100", issuer.coordinator()).expectBody()
                .jsonPath("$.complaints[?(@.complaintId == '%s')]".formatted(id)).doesNotExist();
    }

    @Test
    void aCorrectedCategoryTakesTheComplaintFromTheAgencyToTheOneCompetentForIt() {
        String id = submit("INFRA.ROAD", "32.73.01", null);

        TopicWriter.send(verified(id, "ADMINDUK.ID_CARD", "32.73.01"));

        ComplaintRouted routed = (ComplaintRouted) awaitStep(id, Step.DISPOSED, 0).data();
        assertThat(routed.agencyCode()).isEqualTo("32.73.DUKCAPIL");
        assertThat(routed.previousAgencyCode()).isEqualTo("32.73.DPUPR");
        assertThat(routed.reason()).isEqualTo("category corrected from INFRA.ROAD to ADMINDUK.ID_CARD at verification");
    }

    @Test
    void aCorrectionTheRulesAnswerWithTheSameAgencyTakesNoStepButLaterStepsDecideByIt() {
        String id = submit("INFRA.ROAD", "32.73.01", null);

        // Coblong lies in Kota Bandung too, and local roads are still the city's.
        TopicWriter.send(verified(id, "INFRA.ROAD.LOCAL", "32.73.02"));
        ConsumerGroups.awaitCaughtUp("routing-service", RoutingCalls.PATIENCE, Topic.COMPLAINTS);

        calls.chain(id, issuer.coordinator()).expectBody().jsonPath("$.decisions.length()").isEqualTo(1);
        calls.forward(id, issuer.agency("32.73.DPUPR"), """
                {"reason":"Ini jalan provinsi.","suggestedAgencyCode":"32.DPUPR"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.inputs.categoryCode").isEqualTo("INFRA.ROAD.LOCAL")
                .jsonPath("$.inputs.regionCode").isEqualTo("32.73.02");
    }
}
