package id.aduan.routing.history;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class RoutingHistoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    private final TestIssuer issuer = TestIssuer.shared();
    private String complaintId;

    /** A road complaint in Kota Bandung, addressed to its population-records office and routed to public works. */
    @BeforeEach
    void routeAComplaint() {
        complaintId = ComplaintIds.next();
        TopicWriter.send(Complaints.envelope(Complaints.submitted(complaintId, "32.73.DUKCAPIL", Instant.now())));
        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            routing.awaitEvent(ComplaintRouted.class, complaintId, PATIENCE);
        }
    }

    @Test
    void aCoordinatorSeesTheChainOfDecisionsWithRuleInputsAndExplanation() {
        get(complaintId, issuer.coordinator()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.complaintId").isEqualTo(complaintId)
                .jsonPath("$.decisions.length()").isEqualTo(1)
                .jsonPath("$.decisions[0].step").isEqualTo("ROUTED")
                .jsonPath("$.decisions[0].hop").isEqualTo(0)
                .jsonPath("$.decisions[0].actor").doesNotExist()
                .jsonPath("$.decisions[0].destination").isEqualTo("AGENCY")
                .jsonPath("$.decisions[0].agencyCode").isEqualTo("32.73.DPUPR")
                .jsonPath("$.decisions[0].rule").isEqualTo("local-roads")
                .jsonPath("$.decisions[0].ruleSetVersion").isNotEmpty()
                .jsonPath("$.decisions[0].inputs.categoryCode").isEqualTo("INFRA.ROAD")
                .jsonPath("$.decisions[0].inputs.regionCode").isEqualTo("32.73.01")
                .jsonPath("$.decisions[0].inputs.addressedAgencyCode").isEqualTo("32.73.DUKCAPIL")
                .jsonPath("$.decisions[0].explanation").value(explanation ->
                        assertThat((String) explanation).contains("is competent"))
                .jsonPath("$.decisions[0].routedAt").isNotEmpty();
    }

    @Test
    void theOmbudsmanAndTheAgencyItWasRoutedToMayReadIt() {
        get(complaintId, issuer.ombudsman()).expectStatus().isOk();
        get(complaintId, issuer.agency("32.73.DPUPR")).expectStatus().isOk();
    }

    @Test
    void anAgencyItWasNeverRoutedToIsRefused() {
        get(complaintId, issuer.agency("32.73.DUKCAPIL")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(complaintId, issuer.citizen()).expectStatus().isForbidden();
    }

    @Test
    void anUnknownComplaintIsNotFound() {
        get(ComplaintIds.next(), issuer.coordinator()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private WebTestClient.ResponseSpec get(String id, String token) {
        return http.get().uri("/api/v1/complaints/{id}/routing", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
