package id.aduan.reporting.publicstatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reporting.Deliveries;
import id.aduan.reporting.History;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The public statistics as anyone meets them: no token, counts and figures by month, category,
 * channel and region with region names, nothing resting on fewer than 5 complaints, no text, and
 * cached. The year 2013 is this test's alone (the database is shared by every test in this JVM).
 * Hand-computed: 6 complaints in Kota Bandung in January (web, roads; verified, followed up in 2
 * working days each, 5 completed and rated 4, 4, 5, 5, 2) and 2 in Kabupaten Bandung in March (SMS).
 */
@AduanServiceTest
class PublicStatisticsIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String PUBLIC = "/api/v1/public/statistics";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of("Jalan berlubang", "Lubang besar", "Sudah ditindaklanjuti", "ADU-");

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void complaintsOf2013() {
        String agency = History.newAgencyCode();
        List<AduanEvent> events = new ArrayList<>();
        int[] scores = {4, 4, 5, 5, 2};
        for (int i = 0; i < 6; i++) {
            Instant submitted = wib("2013-01-0" + (7 + i % 3) + "T09:00");
            History history = History.submitted(ComplaintIds.next(), Channel.WEB, "INFRA.ROAD", "32.73.01", submitted)
                    .routedTo(agency, submitted.plusSeconds(60))
                    .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, submitted.plusSeconds(3_600), 1, Outcome.MET)
                    .followedUp(submitted.plus(Duration.ofDays(3)), 2, Outcome.MET);
            if (i < 5) {
                history.completed(submitted.plus(Duration.ofDays(4)), submitted.plus(Duration.ofDays(5)))
                        .rated(scores[i], submitted.plus(Duration.ofDays(6)));
            }
            events.addAll(history.events());
        }
        for (int i = 0; i < 2; i++) {
            events.addAll(History.submitted(ComplaintIds.next(), Channel.SMS, "HEALTH", "32.04", wib("2013-03-1" + i + "T10:00"))
                    .events());
        }
        Deliveries.deliver(Deliveries.envelopes(events));
    }

    @Test
    void aRegencysYearWithoutATokenWithNamesRatesAveragesAndSatisfaction() throws Exception {
        JsonNode regency = publicStatistics("?year=2013&region=32.73");

        assertThat(regency.at("/scope/level").asText()).isEqualTo("REGENCY");
        assertThat(regency.at("/scope/name").asText()).isEqualTo("Kota Bandung");
        assertThat(regency.at("/minimumComplaints").asInt()).isEqualTo(5);
        assertThat(regency.at("/note").asText()).contains("fewer than 5 complaints");
        JsonNode total = regency.get("total");
        assertThat(total.get("suppressed").asBoolean()).isFalse();
        assertThat(total.get("received").asLong()).isEqualTo(6);
        assertThat(total.get("completed").asLong()).isEqualTo(5);
        assertThat(total.get("completionRate").asDouble()).isEqualTo(0.8333);
        assertThat(total.get("averageFollowUpWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(total.at("/satisfaction/ratings").asLong()).isEqualTo(5);
        assertThat(total.at("/satisfaction/averageRating").asDouble()).isEqualTo(4.0);
        // Every month of the year is listed; those without 5 complaints only as withheld.
        assertThat(regency.get("byMonth").size()).isEqualTo(12);
        assertThat(regency.at("/byMonth/2013-01/received").asLong()).isEqualTo(6);
        assertThat(regency.at("/byMonth/2013-02/suppressed").asBoolean()).isTrue();
        assertThat(regency.at("/byMonth/2013-02/received").isMissingNode()).isTrue();
        assertThat(regency.at("/byCategory/INFRA.ROAD/name").asText()).isEqualTo("Jalan");
        assertThat(regency.at("/byCategory/INFRA.ROAD/received").asLong()).isEqualTo(6);
        assertThat(regency.at("/byChannel/WEB/received").asLong()).isEqualTo(6);
        assertThat(regency.at("/byChannel/SMS/suppressed").asBoolean()).isTrue();
        assertThat(regency.get("byRegion").size()).isZero();
    }

    @Test
    void aSmallGroupIsWithheldAndSoIsTheNextSmallestSoThatSubtractingDoesNotRevealIt() throws Exception {
        JsonNode national = publicStatistics("?year=2013");

        assertThat(national.at("/scope/name").asText()).isEqualTo("Indonesia");
        assertThat(national.at("/total/received").asLong()).isEqualTo(8);
        assertThat(national.at("/byRegion/32/name").asText()).isEqualTo("Jawa Barat");
        assertThat(national.at("/byRegion/32/received").asLong()).isEqualTo(8);
        assertThat(national.at("/byRegion/11/suppressed").asBoolean()).isTrue();
        assertThat(national.at("/byRegion/11/name").asText()).isEqualTo("Aceh");
        // March's 2 SMS complaints would be 8 minus January's 6: January is withheld with them.
        assertThat(national.at("/byMonth/2013-03/suppressed").asBoolean()).isTrue();
        assertThat(national.at("/byMonth/2013-01/suppressed").asBoolean()).isTrue();
        assertThat(national.at("/byChannel/WEB/suppressed").asBoolean()).isTrue();
        assertThat(national.at("/byChannel/SMS/suppressed").asBoolean()).isTrue();

        JsonNode province = publicStatistics("?year=2013&region=32");
        assertThat(province.at("/scope/name").asText()).isEqualTo("Jawa Barat");
        assertThat(province.at("/total/received").asLong()).isEqualTo(8);
        assertThat(province.at("/byRegion/32.04/name").asText()).isEqualTo("Kabupaten Bandung");
        assertThat(province.at("/byRegion/32.04/suppressed").asBoolean()).isTrue();
        assertThat(province.at("/byRegion/32.73/suppressed").asBoolean()).isTrue();
        assertThat(province.at("/byRegion/32.73/name").asText()).isEqualTo("Kota Bandung");
    }

    /** 2014 is this test's own year, so the other tests' answers stay as computed. */
    @Test
    void answersAreCachedHereAndByClientsAndCdns() {
        String query = PUBLIC + "?year=2014&region=32.73";
        String first = http.get().uri(query).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(String.class).returnResult().getResponseBody();
        // A new complaint shows in the coordinators' report at once, in the public answer once the cached one expires.
        Deliveries.deliver(Deliveries.envelopes(History.submitted(ComplaintIds.next(), Channel.WEB, "INFRA.ROAD", "32.73.01",
                wib("2014-01-20T09:00")).events()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                coordinatorsReport("/api/v1/reports/regions/32.73?from=2014-01-01&to=2014-12-31").get("received").asLong())
                .isEqualTo(1));
        http.get().uri(query).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(first);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        for (String[] query : new String[][] {{"year=1999", "year"}, {"year=20x3", "year"}, {"year=2999", "year"},
                {"region=32.73.01", "region"}, {"region=99", "region"}, {"region=Bandung", "region"}}) {
            http.get().uri(PUBLIC + "?" + query[0]).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(query[1]));
        }
    }

    @Test
    void thisYearIsTheDefault() {
        http.get().uri(PUBLIC).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.year").isEqualTo(LocalDateTime.now(WIB).getYear())
                .jsonPath("$.scope.level").isEqualTo("NATIONAL");
    }

    /** Waits until the coordinators' report has every 2013 fact, then reads the public answer without a token. */
    private JsonNode publicStatistics(String query) throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = coordinatorsReport("/api/v1/reports/regions/32?from=2013-01-01&to=2013-12-31");
            assertThat(report.get("received").asLong()).isGreaterThanOrEqualTo(8);
            assertThat(report.get("ratings").asLong()).isEqualTo(5);
            assertThat(report.get("followUpsMeasured").asLong()).isEqualTo(6);
            assertThat(report.get("completed").asLong()).isEqualTo(5);
        });
        byte[] body = http.get().uri(PUBLIC + query).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("max-age=300", "public"))
                .expectBody().returnResult().getResponseBody();
        String text = new String(body, StandardCharsets.UTF_8);
        TEXTS.forEach(complaintText -> assertThat(text).doesNotContain(complaintText));
        return JSON.readTree(body);
    }

    private JsonNode coordinatorsReport(String path) throws Exception {
        byte[] body = http.get().uri(path).headers(headers -> headers.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }
}
