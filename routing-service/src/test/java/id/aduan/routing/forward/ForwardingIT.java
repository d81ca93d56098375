package id.aduan.routing.forward;

import static id.aduan.routing.RoutingCalls.awaitStep;
import static id.aduan.routing.RoutingCalls.submit;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class ForwardingIT {

    private static final String BANDUNG_ROADS = "32.73.DPUPR";
    private static final String WEST_JAVA_ROADS = "32.DPUPR";

    private final TestIssuer issuer = TestIssuer.shared();
    private final RoutingCalls calls;

    ForwardingIT(@Autowired WebTestClient http) {
        this.calls = new RoutingCalls(http);
    }

    @Test
    void theCityRoadsOfficeForwardsAProvincialRoadToTheProvinceItSuggests() {
        String id = submit("INFRA.ROAD", "32.73.01", null);

        calls.forward(id, issuer.agency(BANDUNG_ROADS), """
                {"reason":"Jalan Setiabudi adalah jalan provinsi.","suggestedAgencyCode":"32.DPUPR"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.step").isEqualTo("FORWARDED")
                .jsonPath("$.agencyCode").isEqualTo(WEST_JAVA_ROADS)
                .jsonPath("$.previousAgencyCode").isEqualTo(BANDUNG_ROADS)
                .jsonPath("$.rule").isEqualTo("provincial-roads")
                .jsonPath("$.hop").isEqualTo(1)
                .jsonPath("$.actor").isEqualTo("agency-" + BANDUNG_ROADS)
                .jsonPath("$.reason").isEqualTo("Jalan Setiabudi adalah jalan provinsi.")
                .jsonPath("$.inputs.suggestedAgencyCode").isEqualTo(WEST_JAVA_ROADS)
                .jsonPath("$.inputs.declinedAgencyCodes[0]").isEqualTo(BANDUNG_ROADS);

        ComplaintRouted published = (ComplaintRouted) awaitStep(id, Step.FORWARDED, 1).data();
        assertThat(published.agencyCode()).isEqualTo(WEST_JAVA_ROADS);
        assertThat(published.previousAgencyCode()).isEqualTo(BANDUNG_ROADS);
        assertThat(published.actor()).isEqualTo("agency-" + BANDUNG_ROADS);
        assertThat(published.reason()).isEqualTo("Jalan Setiabudi adalah jalan provinsi.");
        assertThat(published.explanation()).contains("suggested by", "is competent: provincial roads are a provincial affair");
        assertThat(published.ruleSetVersion()).isNotBlank();
    }

    @Test
    void theMinistryForwardsWithoutASuggestionAndTheRulesFindTheCityOffice() {
        String id = submit("INFRA.ROAD.NATIONAL", "32.73.01", null);

        calls.forward(id, issuer.agency("KEMENPU"), """
                {"reason":"Ruas ini bukan jalan nasional."}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agencyCode").isEqualTo(BANDUNG_ROADS)
                .jsonPath("$.rule").isEqualTo("local-roads");
        calls.chain(id, issuer.agency(BANDUNG_ROADS)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decisions.length()").isEqualTo(2)
                .jsonPath("$.decisions[0].step").isEqualTo("ROUTED")
                .jsonPath("$.decisions[0].agencyCode").isEqualTo("KEMENPU")
                .jsonPath("$.decisions[1].step").isEqualTo("FORWARDED")
                .jsonPath("$.decisions[1].actor").isEqualTo("agency-KEMENPU")
                .jsonPath("$.decisions[1].reason").isEqualTo("Ruas ini bukan jalan nasional.");
        // The ministry declined it, and may still read the chain it was part of.
        calls.chain(id, issuer.agency("KEMENPU")).expectStatus().isOk();
    }

    @Test
    void whenNoOtherAgencyIsCompetentTheComplaintGoesToTheCoordinatorsQueueAndCannotBeForwardedAgain() {
        String id = submit("INFRA.ROAD", "32.73.01", null);

        calls.forward(id, issuer.agency(BANDUNG_ROADS), """
                {"reason":"Ini urusan kependudukan.","suggestedAgencyCode":"32.73.DUKCAPIL"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.destination").isEqualTo("COORDINATORS_QUEUE")
                .jsonPath("$.agencyCode").doesNotExist()
                .jsonPath("$.rule").isEqualTo("coordinators-queue")
                .jsonPath("$.explanation").value(explanation -> assertThat((String) explanation)
                        .startsWith("Left for the national coordinators to dispose: every agency the competence rules name"));
        awaitStep(id, Step.FORWARDED, 1);

        calls.forward(id, issuer.agency(BANDUNG_ROADS), """
                {"reason":"Sekali lagi."}""")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theFourthForwardEscalatesToTheNationalCoordinators() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        List<String> holders = List.of(BANDUNG_ROADS, WEST_JAVA_ROADS, BANDUNG_ROADS, WEST_JAVA_ROADS);
        for (int hop = 1; hop <= 3; hop++) {
            String holder = holders.get(hop - 1);
            calls.forward(id, issuer.agency(holder), """
                    {"reason":"Bukan kewenangan kami.","suggestedAgencyCode":"%s"}""".formatted(holders.get(hop)))
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.step").isEqualTo("FORWARDED").jsonPath("$.hop").isEqualTo(hop);
        }

        calls.forward(id, issuer.agency(WEST_JAVA_ROADS), """
                {"reason":"Tetap bukan kewenangan kami.","suggestedAgencyCode":"32.73.DPUPR"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.step").isEqualTo("ESCALATED")
                .jsonPath("$.destination").isEqualTo("COORDINATORS_QUEUE")
                .jsonPath("$.rule").isEqualTo("hop-limit")
                .jsonPath("$.hop").isEqualTo(4);

        EventEnvelope<?> escalated = awaitStep(id, Step.ESCALATED, 4);
        ComplaintRouted event = (ComplaintRouted) escalated.data();
        assertThat(event.destination()).isEqualTo(Destination.COORDINATORS_QUEUE);
        assertThat(event.previousAgencyCode()).isEqualTo(WEST_JAVA_ROADS);
        assertThat(event.actor()).isEqualTo("agency-" + WEST_JAVA_ROADS);
        calls.get("/api/v1/routing/queue?size=100", issuer.coordinator()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.complaints[?(@.complaintId == '%s')].step".formatted(id)).isEqualTo("ESCALATED")
                .jsonPath("$.complaints[?(@.complaintId == '%s')].reason".formatted(id))
                .isEqualTo("Tetap bukan kewenangan kami.");
    }

    @Test
    void aForwardDecidesByTheCategoryTheCoordinatorsVerified() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        // Local roads are the city's too: the correction itself re-routes nothing.
        TopicWriter.send(Complaints.envelope(new ComplaintVerified(id, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT,
                "INFRA.ROAD.LOCAL", false, false, Instant.now())));
        ConsumerGroups.awaitCaughtUp("routing-service", RoutingCalls.PATIENCE, Topic.COMPLAINTS);

        calls.forward(id, issuer.agency(BANDUNG_ROADS), """
                {"reason":"Ini jalan provinsi.","suggestedAgencyCode":"32.DPUPR"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.inputs.categoryCode").isEqualTo("INFRA.ROAD.LOCAL");
    }

    @Test
    void anArchivedComplaintIsForwardedNoMore() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        TopicWriter.send(Complaints.envelope(new ComplaintArchived(id, ComplaintArchived.Reason.DUPLICATE, null, Instant.now())));
        ConsumerGroups.awaitCaughtUp("routing-service", RoutingCalls.PATIENCE, Topic.COMPLAINTS);

        calls.forward(id, issuer.agency(BANDUNG_ROADS), """
                {"reason":"Bukan kami."}""").expectStatus().isEqualTo(409);
        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.DPUPR","reason":"Koreksi."}""").expectStatus().isEqualTo(409);
        // Someone else's complaint stays someone else's, closed or not.
        calls.forward(id, issuer.agency("KEMENPU"), """
                {"reason":"Bukan kami."}""").expectStatus().isForbidden();
    }

    @Test
    void onlyTheAgencyHoldingTheComplaintMayForwardIt() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        String body = """
                {"reason":"Bukan kewenangan kami."}""";

        calls.forward(id, issuer.agency("32.73.DUKCAPIL"), body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        calls.forward(id, issuer.ombudsman(), body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        calls.forward(id, issuer.coordinator(), body).expectStatus().isForbidden();
        calls.forward(id, issuer.citizen(), body).expectStatus().isForbidden();
        calls.chain(id, issuer.coordinator()).expectStatus().isOk().expectBody().jsonPath("$.decisions.length()").isEqualTo(1);
    }

    @Test
    void badForwardsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        String holder = issuer.agency(BANDUNG_ROADS);

        calls.forward(id, holder, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        calls.forward(id, holder, """
                {"reason":"%s"}""".formatted("x".repeat(2001))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        calls.forward(id, holder, """
                {"reason":"Bukan kami.","suggestedAgencyCode":"32.73.NOPE"}""").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("suggestedAgencyCode");
        calls.forward(id, holder, """
                {"reason":"Bukan kami.","suggestedAgencyCode":"32.73.DPUPR"}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("suggestedAgencyCode");
        calls.forward(ComplaintIds.next(), holder, """
                {"reason":"Bukan kami."}""").expectStatus().isNotFound();

        calls.chain(id, issuer.coordinator()).expectStatus().isOk().expectBody().jsonPath("$.decisions.length()").isEqualTo(1);
    }

    @Test
    void ofTwoForwardsAtOnceOnlyOneIsTaken() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        String holder = issuer.agency(BANDUNG_ROADS);
        List<CompletableFuture<Integer>> attempts = List.of(WEST_JAVA_ROADS, "KEMENPU").stream()
                .map(suggested -> CompletableFuture.supplyAsync(() -> calls.forward(id, holder, """
                        {"reason":"Bukan kami.","suggestedAgencyCode":"%s"}""".formatted(suggested))
                        .returnResult(String.class).getStatus().value()))
                .toList();

        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        // The loser either lost the race on the same step (409) or came after it, when the complaint was no longer its own (403).
        assertThat(statuses).containsOnlyOnce(200).hasSize(2).anyMatch(status -> status == 409 || status == 403);
        calls.chain(id, issuer.coordinator()).expectStatus().isOk().expectBody().jsonPath("$.decisions.length()").isEqualTo(2);
    }
}
