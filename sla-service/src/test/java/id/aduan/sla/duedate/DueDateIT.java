package id.aduan.sla.duedate;

import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class DueDateIT {

    @Autowired
    WebTestClient http;

    @Test
    void anyoneWithATokenCanCheckADeadlineInAZone() {
        get("/api/v1/sla/due-date?start=2026-03-17T03:00:00Z&workingDays=3&zone=Asia/Jakarta")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-03-27")
                .jsonPath("$.dueAt").isEqualTo("2026-03-27T17:00:00Z")
                .jsonPath("$.zone").isEqualTo("Asia/Jakarta")
                .jsonPath("$.provisional").isEqualTo(false);
    }

    @Test
    void anAgencyCountsInItsProvincesZone() {
        get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1&agency=94.DINSOS")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-03-09")
                .jsonPath("$.dueAt").isEqualTo("2026-03-09T15:00:00Z")
                .jsonPath("$.zone").isEqualTo("Asia/Jayapura");
    }

    @Test
    void wrongQuestionsAreAnsweredWithTheFieldAtFault() {
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1"), "zone");
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1&zone=Mars/Olympus"), "zone");
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1&agency=99.DINKES"), "agency");
        // Papua Tengah (94) has no regency 71: an office there is as unknown as a province 99.
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1&agency=94.71.DINKES"), "agency");
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=0&zone=Asia/Jakarta"), "workingDays");
        expectFieldError(get("/api/v1/sla/due-date?start=2026-03-05T16:30:00Z&workingDays=1&agency=dinkes"), "agency");
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(TestIssuer.shared().citizen())).exchange();
    }

    private static void expectFieldError(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.type").isEqualTo(ProblemType.VALIDATION.uri().toString());
    }
}
