package id.aduan.intake.security;

import static id.aduan.intake.OverHttp.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.StoredEvents;
import id.aduan.testkit.AduanServiceTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** The Ombudsman supervises and changes nothing: every write intake has refuses its token. */
@AduanServiceTest
class OmbudsmanReadOnlyIT {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    WebTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping endpoints;

    /** Every write endpoint, found rather than listed, so a new one cannot be forgotten here. */
    private record Write(HttpMethod method, String path, String consumes) {
    }

    private List<Write> writes() {
        return endpoints.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getMethodsCondition().getMethods().stream().filter(WRITES::contains)
                        .flatMap(method -> mapping.getPatternsCondition().getPatterns().stream().map(pattern -> new Write(
                                HttpMethod.valueOf(method.name()),
                                pattern.getPatternString().replaceAll("\\{[^}]+}", "ADU-0000000000"),
                                mapping.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                                        .map(MediaType::toString).orElse(MediaType.APPLICATION_JSON_VALUE)))))
                .distinct().toList();
    }

    @Test
    void everyWriteEndpointRefusesTheOmbudsmanAndRecordsNothing() {
        List<Write> writes = writes();
        assertThat(writes).extracting(Write::path).contains("/api/v1/complaints", "/api/v1/complaints/ADU-0000000000/verification",
                "/api/v1/complaints/ADU-0000000000/follow-ups", "/api/v1/reporters/ADU-0000000000/erasure",
                "/api/v1/channels/sms", "/api/v1/imports", "/open311/v2/requests.json");
        long before = StoredEvents.all();

        for (Write write : writes) {
            http.method(write.method()).uri(write.path()).headers(h -> h.setBearerAuth(TOKENS.ombudsman()))
                    .contentType(MediaType.parseMediaType(write.consumes())).bodyValue("{}")
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).as(write.method() + " " + write.path()).isEqualTo(403))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(StoredEvents.all()).isEqualTo(before);
    }

    @Test
    void theOmbudsmanStillReadsEveryComplaint() {
        http.get().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.ombudsman())).exchange().expectStatus().isOk();
    }
}
