package id.aduan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What a page learns from the API's refusal: the problem's type and detail, and which field is at fault. */
class ApiProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aProblemDocumentNamesEachFieldAtFaultWithItsMessages() {
        String body = """
                {"type": "https://aduan.id/problems/invalid-input", "title": "Invalid input", "status": 400,
                 "detail": "The complaint has 2 invalid fields",
                 "errors": [{"field": "location.regionCode", "message": "unknown region"},
                            {"field": "description", "message": "must not be blank"},
                            {"field": "description", "message": "size must be between 20 and 5000"}]}
                """;

        ApiProblem problem = Api.problem(HttpStatus.BAD_REQUEST, body, json, "application/problem+json");

        assertThat(problem.is(400)).isTrue();
        assertThat(problem.type()).isEqualTo("https://aduan.id/problems/invalid-input");
        assertThat(problem.detail()).isEqualTo("The complaint has 2 invalid fields");
        assertThat(problem.fieldErrors()).containsExactly(
                entry("location.regionCode", "unknown region"),
                entry("description", "must not be blank; size must be between 20 and 5000"));
    }

    @Test
    void aProblemWithoutDetailIsDescribedByItsTitle() {
        ApiProblem problem = Api.problem(HttpStatus.CONFLICT, "{\"title\": \"Already closed\", \"status\": 409}", json,
                "application/problem+json");

        assertThat(problem.detail()).isEqualTo("Already closed");
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.fieldErrors()).isEmpty();
    }

    @Test
    void aProxysErrorPageIsJustItsStatus() {
        ApiProblem problem = Api.problem(HttpStatus.BAD_GATEWAY, "<html><body>502 Bad Gateway</body></html>", json, "text/html");

        assertThat(problem.is(502)).isTrue();
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.detail()).isEqualTo("502 BAD_GATEWAY");
        assertThat(problem.fieldErrors()).isEmpty();
    }

    @Test
    void brokenJsonIsJustItsStatus() {
        ApiProblem problem = Api.problem(HttpStatus.SERVICE_UNAVAILABLE, "{\"type\": ", json, "application/json");

        assertThat(problem.is(503)).isTrue();
        assertThat(problem.fieldErrors()).isEmpty();
    }

    @Test
    void anEmptyBodyIsJustItsStatus() {
        ApiProblem problem = Api.problem(HttpStatus.NOT_FOUND, "", json, null);

        assertThat(problem.is(404)).isTrue();
        assertThat(problem.detail()).isEqualTo("404 NOT_FOUND");
        assertThat(problem.fieldErrors()).isEmpty();
    }
}
