package id.aduan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.platform.testing.PlatformWebService;
import id.aduan.platform.testing.PlatformWebServiceTest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every problem a service answers carries the type of its kind (docs/problems.md), Spring's own included. */
@SpringBootTest(classes = ProblemTypesTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemTypesTest extends PlatformWebServiceTest {

    /** A web service with the platform's problems and security and nothing else. */
    @PlatformWebService
    @Import(Endpoints.class)
    static class Service {
    }

    record Named(@NotBlank String name) {
    }

    @RestController
    static class Endpoints {

        @PostMapping("/named")
        Mono<String> named(@Valid @RequestBody Named named) {
            return Mono.just(named.name());
        }

        /** A refusal a handler decides itself, with the status it names. */
        @GetMapping("/refusals/{status}")
        Mono<String> refuse(@PathVariable int status) {
            return Mono.error(ProblemResponses.problem(HttpStatus.valueOf(status), "Refused with " + status + "."));
        }
    }

    @Test
    void anInvalidBodyIsAValidationProblemNamingTheField() {
        post("{\"name\":\" \"}", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://aduan.id/problems/validation")
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        post("{\"name\":", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.VALIDATION.uri().toString());
    }

    @Test
    void springsOwnRefusalsGetTheirTypeToo() {
        post("name", MediaType.TEXT_PLAIN).expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri().toString())
                .jsonPath("$.title").isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.title());
        http.delete().uri("/named").headers(h -> h.setBearerAuth(ISSUER.coordinator())).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.METHOD_NOT_ALLOWED.uri().toString());
    }

    @Test
    void aHandlersRefusalCarriesTheTypeOfItsStatusAndSaysWhatHappenedInTheDetail() {
        for (ProblemType type : new ProblemType[] {ProblemType.NOT_FOUND, ProblemType.CONFLICT, ProblemType.FORBIDDEN,
                ProblemType.PRECONDITION_FAILED, ProblemType.RULE_VIOLATION, ProblemType.SERVICE_UNAVAILABLE}) {
            refusal(type.status().value()).expectStatus().isEqualTo(type.status())
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(type.uri().toString())
                    .jsonPath("$.title").isEqualTo(type.title())
                    .jsonPath("$.status").isEqualTo(type.status().value())
                    .jsonPath("$.detail").isEqualTo("Refused with " + type.status().value() + ".");
        }
    }

    @Test
    void aStatusWithNoTypeOfOursStaysAboutBlank() {
        refusal(502).expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.type").isEqualTo("about:blank");
    }

    @Test
    void eachStatusHasOneTypeUnderTheBaseAndATitleOfItsOwn() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::status)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::title)).doesNotHaveDuplicates();
        assertThat(ProblemType.values()).allSatisfy(type -> assertThat(type.uri().toString()).startsWith(ProblemType.BASE));
        assertThat(ProblemType.typed(ProblemDetail.forStatus(HttpStatus.CONFLICT)).getType()).isEqualTo(ProblemType.CONFLICT.uri());
    }

    @Test
    void everyTypeIsDescribedInTheDocs() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "problems.md"));
        for (ProblemType type : ProblemType.values()) {
            String name = type.uri().toString().substring(ProblemType.BASE.length());
            assertThat(docs).as("docs/problems.md describes " + name)
                    .contains("### " + name + "\n")
                    .contains("`" + type.uri() + "`")
                    .contains("| " + type.status().value() + " |");
        }
    }

    private WebTestClient.ResponseSpec post(String body, MediaType type) {
        return http.post().uri("/named").headers(h -> h.setBearerAuth(ISSUER.coordinator())).contentType(type).bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec refusal(int status) {
        return http.get().uri("/refusals/" + status).headers(h -> h.setBearerAuth(ISSUER.coordinator())).exchange();
    }
}
