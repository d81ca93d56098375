package id.aduan.sla.calendarchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.CalendarChanged;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Coordinators change the calendar without a release: adding a year, then moving a day of it, each
 * recorded as an event and counted on at once. The year 2031 is used so no other test's dates move.
 */
@AduanServiceTest
class CalendarChangeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    // Tuesday 31 December 2030, 10:00 in Jakarta: one working day later is the first working day of 2031.
    private static final String DUE_DATE = "/api/v1/sla/due-date?start=2030-12-31T03:00:00Z&workingDays=1&zone=Asia/Jakarta";

    @Autowired
    WebTestClient http;

    @Test
    void aCoordinatorAddsAYearThenMovesOneOfItsDaysAndDeadlinesFollowAtOnce() {
        due().jsonPath("$.dueDate").isEqualTo("2031-01-01").jsonPath("$.provisional").isEqualTo(true);
        http.get().uri("/api/v1/sla/calendar?year=2031").headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.known").isEqualTo(false);

        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            change("""
                    {"declare":[{"date":"2031-01-01","kind":"HOLIDAY","name":"Tahun Baru Masehi"},
                                {"date":"2031-01-02","kind":"CUTI_BERSAMA","name":"Tahun Baru Masehi"}],
                     "reason":"SKB 2031"}""").expectStatus().isCreated().expectBody()
                    .jsonPath("$.changedBy").isEqualTo("coordinator");
            CalendarChanged announced = sla.awaitEvent(CalendarChanged.class, CalendarChanged.SUBJECT, WAIT).data();
            assertThat(announced.declared()).extracting(CalendarChanged.Day::date).extracting(Object::toString)
                    .containsExactly("2031-01-01", "2031-01-02");
            assertThat(announced.changedBy()).isEqualTo("coordinator");
            assertThat(announced.reason()).isEqualTo("SKB 2031");
        }
        // Wednesday 1 January and the cuti bersama on Thursday are closed: due Friday 3 January, no longer provisional.
        due().jsonPath("$.dueDate").isEqualTo("2031-01-03").jsonPath("$.provisional").isEqualTo(false);

        change("""
                {"withdraw":["2031-01-02"],"declare":[{"date":"2031-01-06","kind":"CUTI_BERSAMA","name":"Tahun Baru Masehi"}],
                 "reason":"SKB 2031 amended"}""").expectStatus().isCreated();
        due().jsonPath("$.dueDate").isEqualTo("2031-01-02");

        http.get().uri("/api/v1/sla/calendar?year=2031").headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.known").isEqualTo(true)
                .jsonPath("$.nonWorkingDays.length()").isEqualTo(2)
                .jsonPath("$.nonWorkingDays[1].date").isEqualTo("2031-01-06");
        http.get().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(TestIssuer.shared().ombudsman()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.reason == 'SKB 2031')].changedBy").isEqualTo("coordinator")
                .jsonPath("$[?(@.reason == 'SKB 2031 amended')].withdrawn[0]").isEqualTo("2031-01-02");
    }

    @Test
    void aWrongChangeIsRefusedWithTheFieldAtFaultAndChangesNothing() {
        int before = changeCount();
        expectField(change("{\"reason\":\"nothing\"}"), "declare");
        expectField(change("{\"withdraw\":[\"2031-02-04\"],\"reason\":\"not a holiday\"}"), "withdraw[0]");
        expectField(change("""
                {"declare":[{"date":"2031-03-03","kind":"HOLIDAY","name":" "}],"reason":"blank name"}"""), "declare[0].name");
        expectField(change("""
                {"declare":[{"date":"1999-03-03","kind":"HOLIDAY","name":"Too early"}],"reason":"range"}"""), "declare[0].date");
        expectField(change("""
                {"declare":[{"date":"2031-03-03","kind":"HOLIDAY","name":"Twice"},
                            {"date":"2031-03-03","kind":"CUTI_BERSAMA","name":"Twice"}],"reason":"twice"}"""), "declare[1].date");
        change("""
                {"declare":[{"date":"2031-03-03","kind":"FEAST","name":"Unknown kind"}],"reason":"kind"}""")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        expectField(change("""
                {"declare":[{"date":"2031-03-03","kind":"HOLIDAY","name":"No reason"}]}"""), "reason");
        assertThat(changeCount()).isEqualTo(before);
    }

    @Test
    void onlyTheNationalCoordinatorsChangeTheCalendar() {
        String body = """
                {"declare":[{"date":"2031-04-01","kind":"HOLIDAY","name":"Not theirs"}],"reason":"try"}""";
        for (String token : new String[] {TestIssuer.shared().agency("32.73.DPUPR"), TestIssuer.shared().ombudsman(),
                TestIssuer.shared().citizen()}) {
            http.post().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(TestIssuer.shared().agency("32.73.DPUPR")))
                .exchange().expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec change(String json) {
        return http.post().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.BodyContentSpec due() {
        return http.get().uri(DUE_DATE).headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .exchange().expectStatus().isOk().expectBody();
    }

    private int changeCount() {
        return http.get().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBodyList(Object.class).returnResult().getResponseBody().size();
    }

    private static void expectField(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
