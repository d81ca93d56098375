package id.aduan.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.intake.OverHttp;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The inboxes over HTTP, fed by intake's own events and by sla's clock events on Kafka. Each test has
 * an agency of its own, so complaints of other tests never show in its lists.
 */
@AduanServiceTest
class InboxIT {

    private static final TestIssuer TOKENS = TestIssuer.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now();

    @Autowired
    WebTestClient http;

    private OverHttp intake;
    private String agency;

    @BeforeEach
    void anAgencyOfItsOwn() {
        intake = new OverHttp(http);
        agency = "32.73.T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    @Test
    void anAgencyListsItsComplaintsNextDueFirstPageByPageWithATotal() {
        String late = routed("Lampu jalan mati", "INFRA.DRAINAGE", "32.73.01");
        String soon = routed("Jalan berlubang", "INFRA.ROAD.LOCAL", "32.73.02");
        String later = routed("Trotoar rusak", "INFRA.ROAD", "32.71");
        String noClock = routed("Saluran mampet", "ENV.WASTE", "32.73.01");
        startClock(late, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(9)));
        startClock(soon, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(2)));
        startClock(later, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(5)));
        awaitListed(agency, late, soon, later, noClock);
        awaitDue(late);

        JsonNode first = list("/api/v1/inbox?limit=2", TOKENS.agency(agency));
        assertThat(first.get("total").asInt()).isEqualTo(4);
        assertThat(ids(first)).containsExactly(soon, later);
        assertThat(first.get("items").get(0).get("nextClock").asText()).isEqualTo("FOLLOW_UP");
        assertThat(first.get("items").get(0).get("overdue").asBoolean()).isFalse();
        // A complaint that arrives meanwhile, due before everything listed, does not shift the next page.
        String urgent = routed("Pohon tumbang", "ENV", "32.73.01");
        startClock(urgent, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(1)));
        awaitListed(agency, urgent);
        JsonNode second = list("/api/v1/inbox?limit=2&cursor=" + first.get("next").asText(), TOKENS.agency(agency));
        assertThat(ids(second)).containsExactly(late, noClock);
        assertThat(second.has("next")).isFalse();

        assertThat(ids(list("/api/v1/inbox?sort=-received", TOKENS.agency(agency)))).startsWith(urgent);
    }

    @Test
    void filtersNarrowTheListAndCategoriesAndRegionsTakeWhatLiesBelowThem() {
        String pothole = routed("Jalan berlubang di pasar", "INFRA.ROAD.LOCAL", "32.73.02");
        String lighting = routed("Lampu jalan mati", "INFRA.DRAINAGE", "32.71.01");
        String health = routed("Antrean puskesmas panjang", "HEALTH", "32.73.01");
        startClock(pothole, ClockKind.FOLLOW_UP, NOW.minus(Duration.ofHours(2)));
        startClock(lighting, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(3)));
        awaitListed(agency, pothole, lighting, health);
        awaitDue(pothole);
        awaitDue(lighting);
        String token = TOKENS.agency(agency);

        assertThat(ids(list("/api/v1/inbox?category=INFRA", token))).containsExactlyInAnyOrder(pothole, lighting);
        assertThat(ids(list("/api/v1/inbox?category=INFRA.ROAD", token))).containsExactly(pothole);
        assertThat(ids(list("/api/v1/inbox?region=32.73", token))).containsExactlyInAnyOrder(pothole, health);
        assertThat(ids(list("/api/v1/inbox?q=PASAR", token))).containsExactly(pothole);
        assertThat(ids(list("/api/v1/inbox?q=50%25", token))).isEmpty();
        assertThat(ids(list("/api/v1/inbox?overdue=true", token))).containsExactly(pothole);
        assertThat(ids(list("/api/v1/inbox?dueBefore=" + NOW.plus(Duration.ofDays(4)), token)))
                .containsExactly(pothole, lighting);
        assertThat(ids(list("/api/v1/inbox?status=VERIFIED&channel=WEB&classification=ASPIRATION", token)))
                .containsExactly(pothole, lighting, health);
        assertThat(ids(list("/api/v1/inbox?status=COMPLETED", token))).isEmpty();
        assertThat(ids(list("/api/v1/inbox?receivedFrom=" + LocalDate.now(ZoneOffset.ofHours(7)).plusDays(1), token))).isEmpty();
        JsonNode overdue = list("/api/v1/inbox?overdue=true", token).get("items").get(0);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("regionCode").asText()).isEqualTo("32.73.02");
    }

    @Test
    void aStoppedClockLeavesTheListAndAPausedOneIsShownPausedAndARedeliveryChangesNothing() {
        String id = routed("Jalan berlubang", "INFRA.ROAD", "32.73.01");
        SlaClockStarted started = startClock(id, ClockKind.FOLLOW_UP, NOW.plus(Duration.ofDays(4)));
        awaitDue(id);
        TopicWriter.send(Complaints.envelope(new SlaClockPaused(id, started.clockId(), ClockKind.FOLLOW_UP, agency,
                NOW.plus(Duration.ofMinutes(1)))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(id).get("clockPaused").asBoolean());
        assertThat(row(id).has("nextDueAt")).isFalse();

        // The same start again, redelivered: the clock stays paused.
        TopicWriter.send(Complaints.envelope(started));
        TopicWriter.send(Complaints.envelope(new SlaClockStopped(id, started.clockId(), ClockKind.FOLLOW_UP, agency,
                NOW.plus(Duration.ofMinutes(2)), SlaClockStopped.Outcome.MET, 0)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !row(id).get("clockPaused").asBoolean());
        assertThat(row(id).has("nextDueAt")).isFalse();
    }

    @Test
    void aUnitsComplaintsAreItsLiaisonOfficersAndTheAgencysWhenItAsks() {
        String kept = routed("Jalan berlubang", "INFRA.ROAD", "32.73.01");
        String handed = routed("Lampu jalan mati", "INFRA.DRAINAGE", "32.73.01");
        String unit = agency + "/UPT-JALAN";
        intake.post("/api/v1/complaints/" + handed + "/unit-assignment", TOKENS.agency(agency), "{\"unitCode\":\"" + unit + "\"}")
                .expectStatus().isOk();
        awaitListed(agency, kept);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ids(list("/api/v1/inbox?unit=" + unit, TOKENS.agency(agency))).contains(handed));

        assertThat(ids(list("/api/v1/inbox", TOKENS.agency(agency)))).containsExactly(kept);
        assertThat(ids(list("/api/v1/inbox?includeUnits=true", TOKENS.agency(agency)))).containsExactlyInAnyOrder(kept, handed);
        assertThat(ids(list("/api/v1/inbox", OverHttp.liaisonOfficer(unit)))).containsExactly(handed);
        forbidden("/api/v1/inbox", OverHttp.liaisonOfficer(agency + "/UPT-DRAINASE"), false);
        forbidden("/api/v1/inbox?unit=" + unit, OverHttp.liaisonOfficer(agency + "/UPT-DRAINASE"), true);
        forbidden("/api/v1/inbox?unit=32.73.DINKES/UPT-JALAN", TOKENS.agency(agency), true);
    }

    @Test
    void eachRoleListsOnlyWhatItMaySee() {
        String open = routed("Jalan berlubang", "INFRA.ROAD", "32.73.01");
        String rahasia = submit("Pungutan liar di kelurahan", "CIVIL_SERVICE", "32.73.01", true);
        intake.verify(rahasia, false, true);
        OverHttp.routeTo(rahasia, agency);
        awaitListed(agency, open, rahasia);

        assertThat(ids(list("/api/v1/inbox?agency=" + agency + "&includeUnits=true", TOKENS.coordinator())))
                .containsExactlyInAnyOrder(open, rahasia);
        assertThat(ids(list("/api/v1/inbox?agency=" + agency, TOKENS.ombudsman()))).containsExactly(open);
        assertThat(ids(list("/api/v1/inbox", TOKENS.agency("32.73.DINKES")))).doesNotContain(open, rahasia);
        forbidden("/api/v1/inbox?agency=" + agency, TOKENS.agency("32.73.DINKES"), true);
        forbidden("/api/v1/inbox", TOKENS.citizen(), true);
        forbidden("/api/v1/inbox/verification", TOKENS.agency(agency), true);
        http.get().uri("/api/v1/inbox").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void coordinatorsVerificationQueueListsWhatAwaitsVerificationOldestDeadlineFirst() {
        // A village of its own in a district no other test uses (Nabire, Papua Tengah): the queue holds only this test's complaints.
        String region = "94.01.01." + (1000 + ThreadLocalRandom.current().nextInt(9000));
        String younger = submit("Lampu jalan mati", "INFRA.DRAINAGE", region, false);
        String older = submit("Jalan berlubang", "INFRA.ROAD", region, false);
        String verified = submit("Trotoar rusak", "INFRA.ROAD", region, false);
        intake.verify(verified, false, false);
        startClock(younger, ClockKind.VERIFICATION, NOW.plus(Duration.ofDays(3)));
        startClock(older, ClockKind.VERIFICATION, NOW.plus(Duration.ofDays(1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                ids(list("/api/v1/inbox/verification?region=" + region, TOKENS.coordinator())).equals(List.of(older, younger)));

        JsonNode first = list("/api/v1/inbox/verification?region=" + region, TOKENS.coordinator()).get("items").get(0);
        assertThat(first.get("nextClock").asText()).isEqualTo("VERIFICATION");
        assertThat(first.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        http.get().uri("/api/v1/inbox/verification?status=COMPLETED").headers(h -> h.setBearerAuth(TOKENS.coordinator()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void theSameRowsComeAsCsvForASpreadsheet() {
        String id = routed("=HYPERLINK(\"http://x\"), jalan", "INFRA.ROAD", "32.73.01");
        awaitListed(agency, id);

        String csv = http.get().uri("/api/v1/inbox").headers(h -> {
                    h.setBearerAuth(TOKENS.agency(agency));
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                }).exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inbox.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("trackingId,title,status,categoryCode,regionCode,channel,classification,agencyCode,unitCode,")
                .contains(id + ",\"'=HYPERLINK(\"\"http://x\"\"), jalan\",VERIFIED,INFRA.ROAD,32.73.01,WEB,ASPIRATION," + agency);
    }

    @Test
    void aWrongParameterIsRefusedNamingIt() {
        for (String query : List.of("category=infra road", "region=3273", "status=LOST", "sort=title", "limit=0",
                "limit=500", "overdue=yes", "receivedFrom=yesterday", "cursor=bm9wZQ", "channel=PIGEON")) {
            String field = query.substring(0, query.indexOf('='));
            http.get().uri("/api/v1/inbox?" + query).headers(h -> h.setBearerAuth(TOKENS.coordinator())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    @Test
    void issue14sEndpointsAreInTheApiDocument() {
        String document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(document).contains("\"/api/v1/inbox\"", "\"/api/v1/inbox/verification\"",
                "\"/api/v1/complaints/{trackingId}/case-file\"", "\"/api/v1/complaints/{id}/question\"",
                "\"/api/v1/complaints/{id}/question-answer\"", "/attachments/{attachmentId}\"");
    }

    /** Submitted through the API, verified and routed to this test's agency. */
    private String routed(String title, String category, String region) {
        String id = submit(title, category, region, false);
        intake.verify(id, false, false);
        OverHttp.routeTo(id, agency);
        return id;
    }

    private String submit(String title, String category, String region, boolean confidential) {
        return intake.submit("""
                {"title":%s,"description":"Mohon segera ditangani.","categoryCode":"%s",
                 "location":{"regionCode":"%s"},"confidential":%s}""".formatted(quoted(title), category, region, confidential))
                .trackingId();
    }

    private SlaClockStarted startClock(String id, ClockKind kind, Instant dueAt) {
        SlaClockStarted started = new SlaClockStarted(id, "clk-" + kind + "-" + id, kind, kind == ClockKind.VERIFICATION
                ? null : agency, "Asia/Jakarta", NOW, 3, LocalDate.ofInstant(dueAt, ZoneOffset.ofHours(7)), dueAt);
        TopicWriter.send(Complaints.envelope(started));
        return started;
    }

    private void awaitListed(String agencyCode, String... ids) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids(list("/api/v1/inbox?includeUnits=true&limit=200&agency="
                + agencyCode, TOKENS.coordinator())).containsAll(List.of(ids)));
    }

    private void awaitDue(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(id).has("nextDueAt"));
    }

    private JsonNode row(String id) {
        for (JsonNode item : list("/api/v1/inbox?includeUnits=true&limit=200&agency=" + agency, TOKENS.coordinator()).get("items")) {
            if (item.get("trackingId").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    private JsonNode list(String uri, String token) {
        byte[] body = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forbidden(String uri, String token, boolean forbidden) {
        if (forbidden) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        } else {
            assertThat(ids(list(uri, token))).isEmpty();
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("trackingId").asText()));
        return ids;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
