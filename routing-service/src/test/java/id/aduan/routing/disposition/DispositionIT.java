package id.aduan.routing.disposition;

import static id.aduan.routing.RoutingCalls.awaitStep;
import static id.aduan.routing.RoutingCalls.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.routing.RoutingCalls;
import id.aduan.routing.subscription.RoutingSteps;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The national coordinators' queue and their disposition by hand. */
@AduanServiceTest
class DispositionIT {

    private final TestIssuer issuer = TestIssuer.shared();
    private final RoutingCalls calls;

    DispositionIT(@Autowired WebTestClient http) {
        this.calls = new RoutingCalls(http);
    }

    /** Population records need a regency/city; a complaint located only in a province waits for a coordinator. */
    private static String queuedComplaint() {
        return submit("ADMINDUK.ID_CARD", "32", null);
    }

    @Test
    void aCoordinatorDisposesAComplaintFromTheQueueAndItLeavesTheQueue() {
        String id = queuedComplaint();
        assertThat(queuedIds()).contains(id);

        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.73.DUKCAPIL","reason":"Pelapor tinggal di Kota Bandung (dari uraian)."}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.step").isEqualTo("DISPOSED")
                .jsonPath("$.agencyCode").isEqualTo("32.73.DUKCAPIL")
                .jsonPath("$.rule").isEqualTo("coordinator-disposition")
                .jsonPath("$.actor").isEqualTo("coordinator")
                .jsonPath("$.reason").isEqualTo("Pelapor tinggal di Kota Bandung (dari uraian).")
                .jsonPath("$.explanation").value(explanation -> assertThat((String) explanation)
                        .contains("from the coordinators' queue", "No competence rule names an agency for it."));

        ComplaintRouted published = (ComplaintRouted) awaitStep(id, Step.DISPOSED, 0).data();
        assertThat(published.agencyCode()).isEqualTo("32.73.DUKCAPIL");
        assertThat(published.actor()).isEqualTo("coordinator");
        assertThat(queuedIds()).doesNotContain(id);
        // The agency it was disposed to now reads the chain, and may forward it in turn.
        calls.chain(id, issuer.agency("32.73.DUKCAPIL")).expectStatus().isOk();
    }

    @Test
    void aCoordinatorCorrectsTheDispositionOfAComplaintAnAgencyHolds() {
        String id = submit("INFRA.ROAD", "32.73.01", null);

        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.DPUPR","reason":"Ruas Jalan Setiabudi berstatus jalan provinsi."}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agencyCode").isEqualTo("32.DPUPR")
                .jsonPath("$.previousAgencyCode").isEqualTo("32.73.DPUPR")
                .jsonPath("$.hop").isEqualTo(0);

        calls.chain(id, issuer.ombudsman()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decisions.length()").isEqualTo(2)
                .jsonPath("$.decisions[1].step").isEqualTo("DISPOSED")
                .jsonPath("$.decisions[1].explanation").value(explanation -> assertThat((String) explanation)
                        .contains("in place of", "(rule local-roads)"));
        // The new holder may forward it; the old one no longer may.
        calls.forward(id, issuer.agency("32.73.DPUPR"), """
                {"reason":"Bukan kami."}""").expectStatus().isForbidden();
    }

    @Test
    void disposingToTheAgencyThatHoldsItChangesNothing() {
        String id = submit("INFRA.ROAD", "32.73.01", null);
        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.73.DPUPR","reason":"Tetap."}""").expectStatus().isEqualTo(409);
    }

    @Test
    void theOmbudsmanAndAgenciesMayNotDispose() {
        String id = queuedComplaint();
        String body = """
                {"agencyCode":"32.73.DUKCAPIL","reason":"Coba."}""";

        calls.dispose(id, issuer.ombudsman(), body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        calls.dispose(id, issuer.agency("32.73.DUKCAPIL"), body).expectStatus().isForbidden();
        assertThat(queuedIds()).contains(id);
    }

    @Test
    void badDispositionsAreRefusedNamingTheField() {
        String id = queuedComplaint();

        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.73.NOPE","reason":"Coba."}""").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("agencyCode");
        calls.dispose(id, issuer.coordinator(), """
                {"agencyCode":"32.73.DUKCAPIL"}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        calls.dispose(ComplaintIds.next(), issuer.coordinator(), """
                {"agencyCode":"32.73.DUKCAPIL","reason":"Coba."}""").expectStatus().isNotFound();
        assertThat(queuedIds()).contains(id);
    }

    @Test
    void theQueueListsTheOldestFirstWithWhyForCoordinatorsAndTheOmbudsmanOnly() {
        String first = queuedComplaint();
        String second = queuedComplaint();

        List<String> queued = queuedIds();
        assertThat(queued.indexOf(first)).isLessThan(queued.indexOf(second));
        calls.get("/api/v1/routing/queue?size=100", issuer.ombudsman()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.size").isEqualTo(100)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(2))
                .jsonPath("$.complaints[?(@.complaintId == '%s')].step".formatted(first)).isEqualTo("ROUTED")
                .jsonPath("$.complaints[?(@.complaintId == '%s')].why".formatted(first)).value(why ->
                        assertThat(why.toString()).contains("location too coarse"));
        // Lists answer in one shape (docs/api.md); the queue's former name for its items stays until v2.
        calls.get("/api/v1/routing/queue?size=1", issuer.coordinator()).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.next").isEqualTo(1)
                .jsonPath("$.complaints.length()").isEqualTo(1);

        calls.get("/api/v1/routing/queue", issuer.agency("32.73.DUKCAPIL")).expectStatus().isForbidden();
        calls.get("/api/v1/routing/queue?size=101", issuer.coordinator()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        calls.get("/api/v1/routing/queue?page=-1", issuer.coordinator()).expectStatus().isBadRequest();
    }

    /** The coordinators see, beside each queued complaint, which of its clocks warned or breached and still run. */
    @Test
    void theQueueShowsTheWarnedAndBreachedClocksOfAComplaintUntilTheyStop() {
        String id = queuedComplaint();
        String verification = UUID.randomUUID().toString();
        String endToEnd = UUID.randomUUID().toString();
        RoutingSteps.warned(id, verification, ClockKind.VERIFICATION, null);
        RoutingSteps.warned(id, endToEnd, ClockKind.END_TO_END, null);
        RoutingSteps.breached(id, verification, ClockKind.VERIFICATION, null);
        TopicWriter.send(Complaints.envelope(new SlaClockStopped(id, endToEnd, ClockKind.END_TO_END, null, Instant.now(),
                Outcome.MET, 2)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> queued = queued(id);
            assertThat(queued).containsEntry("overdue", true).containsEntry("warned", true);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> alerts = (List<Map<String, Object>>) queued.get("clockAlerts");
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert).containsEntry("clockId", verification).containsEntry("kind", "VERIFICATION");
                assertThat(alert.get("warnedAt")).isNotNull();
                assertThat(alert.get("breachedAt")).isNotNull();
                assertThat(alert.get("agencyCode")).isNull();
            });
        });
        String quiet = queuedComplaint();
        assertThat(queued(quiet)).containsEntry("overdue", false).containsEntry("warned", false)
                .containsEntry("clockAlerts", List.of());
    }

    private Map<String, Object> queued(String id) {
        Map<String, Object> page = calls.get("/api/v1/routing/queue?size=100", issuer.coordinator()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> complaints = (List<Map<String, Object>>) page.get("complaints");
        return complaints.stream().filter(entry -> id.equals(entry.get("complaintId"))).findFirst().orElseThrow();
    }

    private List<String> queuedIds() {
        Map<String, Object> page = calls.get("/api/v1/routing/queue?size=100", issuer.coordinator()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> complaints = (List<Map<String, Object>>) page.get("complaints");
        return complaints.stream().map(entry -> (String) entry.get("complaintId")).toList();
    }
}
