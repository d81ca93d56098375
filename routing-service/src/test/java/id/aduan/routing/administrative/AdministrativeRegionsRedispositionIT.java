package id.aduan.routing.administrative;

import static id.aduan.routing.RoutingCalls.PATIENCE;
import static id.aduan.routing.RoutingCalls.awaitStep;
import static id.aduan.routing.RoutingCalls.submit;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.routing.RoutingCalls;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.history.DecisionLog;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Complaints an earlier catalogue left with Jakarta city offices that do not exist, moved in bulk by a coordinator. */
@AduanServiceTest
class AdministrativeRegionsRedispositionIT {

    private static final String PATH = "/api/v1/routing/administrative-regions/redisposition";
    private static final String REQUEST = """
            {"reason":"Kota administrasi tidak punya dinas sendiri: urusan dipegang Pemprov DKI Jakarta."}""";

    private final TestIssuer issuer = TestIssuer.shared();
    private final RoutingCalls calls;
    private final DecisionLog decisions;

    AdministrativeRegionsRedispositionIT(@Autowired WebTestClient http, @Autowired DecisionLog decisions) {
        this.calls = new RoutingCalls(http);
        this.decisions = decisions;
    }

    @Test
    void aCoordinatorMovesThemToTheProvinceAndItsSukuDinasOnceWhateverTheReruns() {
        String familyCard = routedByAnEarlierCatalogue("ADMINDUK.FAMILY_CARD", "31.71.01", "31.71.DUKCAPIL");
        String school = routedByAnEarlierCatalogue("EDU.SCHOOL.PRIMARY", "31.75.01", "31.75.DISDIK");
        String bandung = submit("ADMINDUK.ID_CARD", "32.73.01", null);

        Map<String, Map<String, Object>> moved = redisposed(run());

        assertThat(moved.get(familyCard)).containsEntry("step", "DISPOSED").containsEntry("agencyCode", "31.DUKCAPIL")
                .containsEntry("unitCode", "31.DUKCAPIL/SUDIN-JAKPUS").containsEntry("previousAgencyCode", "31.71.DUKCAPIL")
                .containsEntry("actor", "coordinator")
                .containsEntry("reason", "Kota administrasi tidak punya dinas sendiri: urusan dipegang Pemprov DKI Jakarta.");
        assertThat((String) moved.get(familyCard).get("explanation")).contains("Kota Administrasi Jakarta Pusat (31.71) is an"
                + " administrative city: the Province of Daerah Khusus Ibukota Jakarta (31) holds this affair");
        assertThat(moved.get(school)).containsEntry("agencyCode", "31.DISDIK").containsEntry("unitCode", "31.DISDIK/SUDIN-JAKTIM");
        assertThat(moved).doesNotContainKey(bandung);
        ComplaintRouted published = (ComplaintRouted) awaitStep(familyCard, Step.DISPOSED, 0).data();
        assertThat(published.agencyCode()).isEqualTo("31.DUKCAPIL");
        assertThat(published.actor()).isEqualTo("coordinator");
        assertThat(published.explanation()).contains("31.DUKCAPIL/SUDIN-JAKPUS");
        assertThat(published.unitCode()).isEqualTo("31.DUKCAPIL/SUDIN-JAKPUS");

        // Run again (a retry, a second coordinator): nothing left to move, no second step.
        assertThat(redisposed(run())).doesNotContainKeys(familyCard, school);
        assertThat(decisions.chainOf(familyCard).collectList().block(PATIENCE)).hasSize(2);
        assertThat(decisions.chainOf(school).collectList().block(PATIENCE)).hasSize(2);
        // The province's office now reads the chain it holds.
        calls.chain(familyCard, issuer.agency("31.DUKCAPIL")).expectStatus().isOk();
    }

    @Test
    void onlyCoordinatorsMoveThemAndOnlyWithAReason() {
        calls.send(HttpMethod.POST, PATH, issuer.agency("31.DUKCAPIL"), REQUEST).expectStatus().isForbidden();
        calls.send(HttpMethod.POST, PATH, issuer.ombudsman(), REQUEST).expectStatus().isForbidden();
        calls.send(HttpMethod.POST, PATH, issuer.coordinator(), "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    /** Recorded and published as routing did before administrative regions were data. */
    private String routedByAnEarlierCatalogue(String category, String region, String office) {
        String complaintId = ComplaintIds.next();
        RoutingDecision earlier = new RoutingDecision(Step.ROUTED, 0, Destination.AGENCY, office, null, null, "population-records",
                "2025.0", RoutingDecision.Inputs.of(category, region, null), "Generated office of an earlier catalogue.");
        decisions.recordRouted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), complaintId, earlier, Instant.now())
                .then(decisions.publishPending(complaintId, 0)).block(PATIENCE);
        return complaintId;
    }

    private List<Map<String, Object>> run() {
        return calls.send(HttpMethod.POST, PATH, issuer.coordinator(), REQUEST).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {
                }).returnResult().getResponseBody().get("redisposed");
    }

    private static Map<String, Map<String, Object>> redisposed(List<Map<String, Object>> steps) {
        return steps.stream().collect(Collectors.toMap(step -> (String) step.get("complaintId"), step -> step));
    }
}
