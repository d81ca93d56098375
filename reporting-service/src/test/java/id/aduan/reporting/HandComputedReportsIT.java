package id.aduan.reporting;

import static id.aduan.contracts.SlaClockStopped.Outcome.BREACHED;
import static id.aduan.contracts.SlaClockStopped.Outcome.MET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.Prometheus;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A year of one agency's complaints, imported from a retired app with their original times, with
 * figures computed by hand (docs/metrics.md). The events arrive shuffled across the three topics,
 * some twice, and once more in full afterwards: every figure stays exactly the hand-computed one.
 *
 * <p>The agency is a fresh regency agency of Kota Bandung (WIB). The follow-up working days are
 * what sla counts on the 2025 calendar (docs/sla.md), e.g. disposition Friday 24 January, first
 * follow-up Thursday 30 January: 27 January (Isra Mikraj), 28 (cuti bersama) and 29 (Imlek) do not
 * count, so 1 working day. No other test in this module has complaints received in 2025.
 */
@AduanServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandComputedReportsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YEAR = "from=2025-01-01&to=2025-12-31";

    @Autowired
    WebTestClient http;

    private final String agency = History.newAgencyCode();
    private final List<EventEnvelope<AduanEvent>> delivered = new ArrayList<>();
    private String overdueComplaint;

    @BeforeAll
    void deliverTheYearShuffledWithRepeats() {
        List<AduanEvent> events = new ArrayList<>();
        // Followed up after the working days sla counted; completed unless said otherwise; rated 1-5 or not at all.
        events.addAll(handled(Channel.LEGACY_APP, "32.73.01", "2025-01-22T09:00", "2025-01-24T10:00", "2025-01-30T09:00", 1, MET, true, 5));
        events.addAll(handled(Channel.LEGACY_APP, "32.73.01", "2025-03-25T09:00", "2025-03-26T10:00", "2025-04-08T09:00", 2, MET, true, 4));
        events.addAll(handled(Channel.LEGACY_APP, "32.73.01", "2025-05-08T09:00", "2025-05-09T10:00", "2025-05-16T09:00", 3, MET, true, 3));
        events.addAll(handled(Channel.LEGACY_APP, "32.73.02", "2025-08-13T09:00", "2025-08-14T10:00", "2025-08-19T09:00", 3, MET, true, null));
        events.addAll(handled(Channel.LEGACY_APP, "32.73.02", "2025-09-02T09:00", "2025-09-03T10:00", "2025-09-08T09:00", 2, MET, false, null));
        // Disposition Monday 2 June, first follow-up Thursday 26 June: 16 working days (6 June Iduladha and
        // 9 June cuti bersama do not count), past the 14 of a complaint without supervisory weight.
        events.addAll(handled(Channel.LEGACY_APP, "32.73.02", "2025-06-02T08:00", "2025-06-02T10:00", "2025-06-26T09:00", 16, BREACHED, true, 1));
        // Verified and disposed in October, never followed up: overdue.
        History late = History.submitted(ComplaintIds.next(), Channel.WEB, "INFRA.ROAD", "32.73.01", wib("2025-10-06T09:00"))
                .routedTo(agency, wib("2025-10-06T09:01"))
                .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, wib("2025-10-07T10:00"), 1, MET)
                .followUpBreached();
        overdueComplaint = late.complaintId();
        events.addAll(late.events());
        // Routed on submission, then archived as a duplicate: never verified.
        events.addAll(History.submitted(ComplaintIds.next(), Channel.SMS, "INFRA.ROAD", "32.73", wib("2025-11-03T09:00"))
                .routedTo(agency, wib("2025-11-03T09:01")).archived(wib("2025-11-04T09:00"), 1).events());
        // Outside 2025 in WIB: the last evening of 2024, and 00:30 on 1 January 2026.
        events.addAll(handled(Channel.LEGACY_APP, "32.73.01", "2024-12-31T20:00", "2025-01-02T10:00", "2025-01-03T09:00", 1, MET, true, 5));
        events.addAll(handled(Channel.LEGACY_APP, "32.73.01", "2026-01-01T00:30", "2026-01-02T10:00", "2026-01-05T09:00", 1, MET, true, 1));

        Random random = new Random(20251231);
        List<EventEnvelope<AduanEvent>> envelopes = Deliveries.envelopes(events);
        delivered.addAll(envelopes);
        envelopes.stream().filter(envelope -> random.nextInt(4) == 0).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        Deliveries.deliver(delivered);
        ConsumerGroups.awaitCaughtUp("reporting-service", PATIENCE, Topic.values());
    }

    private List<AduanEvent> handled(Channel channel, String region, String submitted, String disposed, String followedUp,
            int workingDays, Outcome outcome, boolean completed, Integer rating) {
        History history = History.submitted(ComplaintIds.next(), channel, "INFRA.ROAD", region, wib(submitted))
                .routedTo(agency, wib(submitted).plusSeconds(60))
                .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, wib(disposed), 1, MET)
                .followedUp(wib(followedUp), workingDays, outcome);
        if (completed) {
            history.completed(wib(followedUp).plusSeconds(3600), wib(followedUp).plusSeconds(2 * 86_400));
        }
        if (rating != null) {
            history.rated(rating, wib(followedUp).plusSeconds(3 * 86_400));
        }
        return history.events();
    }

    @Test
    void theAgencysYearHasTheHandComputedFigures() throws Exception {
        JsonNode report = get("/api/v1/reports/agencies/" + agency + "?" + YEAR + "&interval=quarter");

        assertThat(report.at("/scope/zone").asText()).isEqualTo("Asia/Jakarta");
        // Eight complaints received in 2025 (the 2024 and 2026 ones are not), all routed to the agency.
        assertThat(report.get("received").asLong()).isEqualTo(8);
        assertThat(report.get("routedIn").asLong()).isEqualTo(8);
        assertThat(report.get("verified").asLong()).isEqualTo(7);
        assertThat(report.get("archived").asLong()).isEqualTo(1);
        assertThat(report.get("followedUp").asLong()).isEqualTo(6);
        assertThat(report.get("completed").asLong()).isEqualTo(5);
        assertThat(report.get("inProcess").asLong()).isEqualTo(2);
        assertThat(report.get("overdue").asLong()).isEqualTo(1);
        // 5 completed of 7 verified.
        assertThat(report.get("completionRate").asDouble()).isEqualTo(0.7143);
        // (1 + 2 + 3 + 3 + 2 + 16) working days over 6 first follow-ups = 4.5.
        assertThat(report.get("followUpWorkingDays").asLong()).isEqualTo(27);
        assertThat(report.get("followUpsMeasured").asLong()).isEqualTo(6);
        assertThat(report.get("averageFollowUpWorkingDays").asDouble()).isEqualTo(4.5);
        // 6 follow-up clocks stopped, the 16-day one late.
        assertThat(report.get("slaCompliance").asDouble()).isEqualTo(0.8333);
        // Each completed two days after its follow-up.
        assertThat(report.get("completionsMeasured").asLong()).isEqualTo(5);
    }

    @Test
    void theAgencysYearBreaksDownByChannelDistrictAndQuarter() throws Exception {
        JsonNode report = get("/api/v1/reports/agencies/" + agency + "?" + YEAR + "&interval=quarter");

        JsonNode legacy = report.at("/byChannel/LEGACY_APP");
        assertThat(legacy.get("received").asLong()).isEqualTo(6);
        assertThat(legacy.get("completionRate").asDouble()).isEqualTo(0.8333);
        assertThat(report.at("/byChannel/WEB/overdue").asLong()).isEqualTo(1);
        assertThat(report.at("/byChannel/SMS/archived").asLong()).isEqualTo(1);
        assertThat(report.at("/byChannel/WHATSAPP/received").asLong()).isZero();

        JsonNode districts = report.get("byRegion");
        assertThat(iterable(districts.fieldNames())).containsExactly("32.73.01", "32.73.02", "UNSPECIFIED");
        assertThat(districts.at("/32.73.01/received").asLong()).isEqualTo(4);
        assertThat(districts.at("/32.73.01/completionRate").asDouble()).isEqualTo(0.75);
        assertThat(districts.at("/32.73.01/averageFollowUpWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(districts.at("/32.73.02/completionRate").asDouble()).isEqualTo(0.6667);
        assertThat(districts.at("/32.73.02/averageFollowUpWorkingDays").asDouble()).isEqualTo(7.0);
        assertThat(districts.at("/UNSPECIFIED/archived").asLong()).isEqualTo(1);

        JsonNode quarters = report.get("byPeriod");
        assertThat(iterable(quarters.fieldNames())).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(quarters.at("/2025-Q2/averageFollowUpWorkingDays").asDouble()).isEqualTo(9.5);
        assertThat(quarters.at("/2025-Q4/received").asLong()).isEqualTo(2);
        assertThat(report.at("/byClassification/COMPLAINT_NO_SUPERVISORY_WEIGHT/verified").asLong()).isEqualTo(7);
        assertThat(report.at("/byClassification/UNCLASSIFIED/received").asLong()).isEqualTo(1);
        assertThat(report.at("/byCategory/INFRA.ROAD/received").asLong()).isEqualTo(8);
    }

    @Test
    void theRegionAndItsRankingShowTheSameComplaints() throws Exception {
        JsonNode city = get("/api/v1/reports/regions/32.73?" + YEAR);
        assertThat(city.at("/scope/level").asText()).isEqualTo("REGENCY");
        assertThat(city.get("received").asLong()).isEqualTo(8);
        assertThat(city.get("completionRate").asDouble()).isEqualTo(0.7143);
        assertThat(city.at("/byRegion/32.73.02/received").asLong()).isEqualTo(3);

        JsonNode first = get("/api/v1/reports/rankings?metric=completionRate&level=district&within=32.73&" + YEAR + "&size=1");
        assertThat(first.get("total").asInt()).isEqualTo(2);
        assertThat(first.at("/rows/0/rank").asInt()).isEqualTo(1);
        assertThat(first.at("/rows/0/code").asText()).isEqualTo("32.73.01");
        assertThat(first.at("/rows/0/value").asDouble()).isEqualTo(0.75);
        JsonNode second = get("/api/v1/reports/rankings?metric=completionRate&level=district&within=32.73&" + YEAR + "&size=1&page=1");
        assertThat(second.at("/rows/0/rank").asInt()).isEqualTo(2);
        assertThat(second.at("/rows/0/code").asText()).isEqualTo("32.73.02");

        JsonNode agencies = get("/api/v1/reports/rankings?metric=averageFollowUpWorkingDays&level=agency&within=32.73&order=asc&" + YEAR);
        assertThat(agencies.get("rows")).anySatisfy(row -> {
            assertThat(row.get("code").asText()).isEqualTo(agency);
            assertThat(row.get("value").asDouble()).isEqualTo(4.5);
        });
    }

    @Test
    void theOverdueListNamesTheComplaintTheAgencyIsLateOn() throws Exception {
        JsonNode overdue = get("/api/v1/reports/overdue?agency=" + agency);

        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.at("/complaints/0/complaintId").asText()).isEqualTo(overdueComplaint);
        assertThat(overdue.at("/complaints/0/overdueClocks/0/kind").asText()).isEqualTo("FOLLOW_UP");
    }

    @Test
    void theNationalOverdueListNamesItToo() throws Exception {
        JsonNode overdue = get("/api/v1/reports/overdue?size=500");

        assertThat(overdue.get("complaints").findValuesAsText("complaintId")).contains(overdueComplaint)
                .hasSize(overdue.get("total").asInt());
    }

    @Test
    void everyEventDeliveredOnceMoreChangesNoFigure() throws Exception {
        String agencyReport = "/api/v1/reports/agencies/" + agency + "?" + YEAR + "&interval=day";
        JsonNode before = get(agencyReport);
        JsonNode region = get("/api/v1/reports/regions/32.73?" + YEAR);

        List<EventEnvelope<AduanEvent>> again = new ArrayList<>(delivered);
        Collections.reverse(again);
        Deliveries.deliver(again);
        ConsumerGroups.awaitCaughtUp("reporting-service", PATIENCE, Topic.values());

        assertThat(get(agencyReport)).isEqualTo(before);
        assertThat(get("/api/v1/reports/regions/32.73?" + YEAR)).isEqualTo(region);
    }

    /**
     * Rated 5, 4, 3 (district 32.73.01, received in Q1, Q1, Q2) and 1 (32.73.02, Q2); the August complaint
     * completed unrated, the September one not completed. The 2024 (5) and 2026 (1) ratings are outside the year.
     */
    @Test
    void satisfactionIsTheAverageRatingOfTheComplaintsReceivedInThePeriod() throws Exception {
        JsonNode report = get("/api/v1/reports/agencies/" + agency + "?" + YEAR + "&interval=quarter");

        assertThat(report.get("ratings").asLong()).isEqualTo(4);
        assertThat(report.get("ratingPoints").asLong()).isEqualTo(13);
        // The 2024 complaint was rated in January 2025 and still is not in 2025's figures: a rating counts
        // in the period its complaint was received in.
        assertThat(report.get("satisfaction").asDouble()).isEqualTo(3.25);
        assertThat(report.at("/byRegion/32.73.01/satisfaction").asDouble()).isEqualTo(4.0);
        assertThat(report.at("/byRegion/32.73.02/satisfaction").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/byPeriod/2025-Q1/satisfaction").asDouble()).isEqualTo(4.5);
        assertThat(report.at("/byPeriod/2025-Q2/satisfaction").asDouble()).isEqualTo(2.0);
        assertThat(report.at("/byPeriod/2025-Q3/ratings").asLong()).isZero();
        assertThat(report.at("/byPeriod/2025-Q3/satisfaction").isNull()).isTrue();
        assertThat(report.at("/byCategory/INFRA.ROAD/satisfaction").asDouble()).isEqualTo(3.25);
        assertThat(report.at("/byChannel/WEB/satisfaction").isNull()).isTrue();

        JsonNode city = get("/api/v1/reports/regions/32.73?" + YEAR);
        assertThat(city.get("ratings").asLong()).isEqualTo(4);
        assertThat(city.get("satisfaction").asDouble()).isEqualTo(3.25);

        JsonNode districts = get("/api/v1/reports/rankings?metric=satisfaction&level=district&within=32.73&" + YEAR);
        assertThat(districts.get("rows").findValuesAsText("code")).containsExactly("32.73.01", "32.73.02");
        assertThat(districts.at("/rows/0/value").asDouble()).isEqualTo(4.0);
        assertThat(districts.at("/rows/1/value").asDouble()).isEqualTo(1.0);
        JsonNode agencies = get("/api/v1/reports/rankings?metric=satisfaction&level=agency&within=32.73&" + YEAR + "&size=500");
        assertThat(agencies.get("rows")).anySatisfy(row -> {
            assertThat(row.get("code").asText()).isEqualTo(agency);
            assertThat(row.get("value").asDouble()).isEqualTo(3.25);
        });
    }

    /** The gauges cover all time: the six ratings, 2024's 5 and 2026's 1 with the year's 13 points. */
    @Test
    void theAgencysSatisfactionGaugesCoverEveryRating() {
        String labels = "{agency=\"" + agency + "\",level=\"regency\",province=\"32\",province_name=\"Jawa Barat\","
                + "service=\"reporting-service\"}";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape())
                .contains("aduan_agency_ratings" + labels + " 6.0")
                .contains("aduan_agency_rating_points" + labels + " 19.0")
                .contains("aduan_agency_satisfaction" + labels + " 3.1666666666666665"));
    }

    @Test
    void eachReportIsAlsoACsvFile() {
        String csv = http.get().uri("/api/v1/reports/agencies/" + agency + "?" + YEAR)
                .headers(headers -> headers.setBearerAuth(TestIssuer.shared().coordinator()))
                .header("Accept", "text/csv")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"agency-.*\\.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("breakdown,key,name,received,verified,archived,routedIn,forwardedOut,followedUp,completed")
                .contains(",clocksStopped,clocksMet,ratings,ratingPoints,")
                .endsWith("completionRate,averageFollowUpWorkingDays,averageVerificationWorkingDays,averageCompletionDays,slaCompliance,"
                        + "satisfaction");
        assertThat(lines.get(1)).startsWith("total," + agency + ",,8,7,1,8,0,6,5,").contains(",0.7143,4.5,").endsWith(",3.25");
        assertThat(lines).anyMatch(line -> line.startsWith("region,32.73.02,Coblong,3,3,0,3,0,3,2,"));
    }

    private String scrape() {
        return Prometheus.scrape(http);
    }

    private JsonNode get(String path) throws Exception {
        byte[] body = http.get().uri(path).headers(headers -> headers.setBearerAuth(TestIssuer.shared().ombudsman()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
