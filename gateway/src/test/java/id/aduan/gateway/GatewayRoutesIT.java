package id.aduan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway sends each public path to its service, with the caller's token, and nothing without one. */
@AduanServiceTest
class GatewayRoutesIT {

    /** One stand-in per service that answers with its own name and records what reached it. */
    private static final Map<String, StubService> SERVICES = Map.of(
            "intake", new StubService("intake"),
            "routing", new StubService("routing"),
            "sla", new StubService("sla"),
            "reporting", new StubService("reporting"));

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, service) -> registry.add("aduan.services." + name, service::uri));
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(StubService::stop);
    }

    @BeforeEach
    void forget() {
        SERVICES.values().forEach(service -> service.requests().clear());
    }

    @Test
    void eachPublicPathReachesItsService() {
        assertRoutedTo("POST", "/api/v1/complaints", "intake");
        assertRoutedTo("GET", "/api/v1/complaints/ADU-3F7KQ9M2XD", "intake");
        assertRoutedTo("POST", "/api/v1/complaints/ADU-3F7KQ9M2XD/follow-ups", "intake");
        assertRoutedTo("GET", "/api/v1/complaints/ADU-3F7KQ9M2XD/attachments/att-1", "intake");
        assertRoutedTo("POST", "/api/v1/channels/sms", "intake");
        assertRoutedTo("POST", "/api/v1/channels/manual/batch", "intake");
        assertRoutedTo("POST", "/api/v1/attachments", "intake");
        assertRoutedTo("POST", "/api/v1/imports", "intake");
        assertRoutedTo("POST", "/api/v1/reporters/rep-8c1d0f9e/erasure", "intake");
        assertRoutedTo("GET", "/api/v1/inbox", "intake");
        assertRoutedTo("GET", "/api/v1/inbox/verification", "intake");
        assertRoutedTo("GET", "/api/v1/complaints/ADU-3F7KQ9M2XD/routing", "routing");
        assertRoutedTo("POST", "/api/v1/complaints/ADU-3F7KQ9M2XD/forwarding", "routing");
        assertRoutedTo("POST", "/api/v1/complaints/ADU-3F7KQ9M2XD/disposition", "routing");
        assertRoutedTo("GET", "/api/v1/routing/queue", "routing");
        assertRoutedTo("GET", "/api/v1/agencies/32.73.DPUPR/events", "routing");
        assertRoutedTo("POST", "/api/v1/agencies/32.73.DPUPR/webhooks", "routing");
        assertRoutedTo("GET", "/api/v1/complaints/ADU-3F7KQ9M2XD/sla", "sla");
        assertRoutedTo("GET", "/api/v1/sla/due-date", "sla");
        assertRoutedTo("GET", "/api/v1/reports/national", "reporting");
        assertRoutedTo("GET", "/api/v1/reports/agencies/32.73.DUKCAPIL", "reporting");
        assertRoutedTo("GET", "/api/v1/public/statistics", "reporting");
        assertRoutedTo("GET", "/api/v1/notifications/failed", "intake");
        for (String service : List.of("intake", "routing", "sla", "reporting")) {
            assertRoutedTo("GET", "/api/v1/dead-letters/" + service + "-service", service);
            assertRoutedTo("GET", "/api/v1/dead-letters/" + service + "-service/3f7c9e1a-event", service);
            assertRoutedTo("POST", "/api/v1/dead-letters/" + service + "-service/3f7c9e1a-event/redrive", service);
            assertRoutedTo("POST", "/api/v1/dead-letters/" + service + "-service/redrive", service);
        }
        assertRoutedTo("GET", "/api/v1/publishing/dead-letters", "intake");
        assertRoutedTo("POST", "/api/v1/publishing/dead-letters/ADU-3F7KQ9M2XD/retry", "intake");
    }

    @Test
    void theCallersTokenTravelsOnToTheService() {
        String token = TestIssuer.shared().coordinator();
        http.get().uri("/api/v1/reports/national").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        assertThat(SERVICES.get("reporting").requests()).containsExactly("GET /api/v1/reports/national Bearer " + token);
    }

    @Test
    void aRequestWithoutAValidTokenStopsAtTheGateway() {
        http.get().uri("/api/v1/reports/national").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/reports/national").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(SERVICES.get("reporting").requests()).isEmpty();
    }

    @Test
    void citizenTrackingNeedsNoTokenButTheStepsBelowAComplaintStillDo() {
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("intake");
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD/routing").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD/sla").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/complaints/ADU-3F7KQ9M2XD").exchange().expectStatus().isUnauthorized();
        // A complaint's files are read like the complaint: intake decides who may see them.
        http.get().uri("/api/v1/complaints/ADU-3F7KQ9M2XD/attachments/att-1").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("intake");
        assertThat(SERVICES.get("routing").requests()).isEmpty();
        assertThat(SERVICES.get("sla").requests()).isEmpty();
        assertThat(SERVICES.get("intake").requests()).containsExactly("GET /api/v1/complaints/ADU-3F7KQ9M2XD null",
                "GET /api/v1/complaints/ADU-3F7KQ9M2XD/attachments/att-1 null");
    }

    @Test
    void thePublicStatisticsNeedNoTokenAndStayCacheableWhileTheReportsStillNeedOne() {
        http.get().uri("/api/v1/public/statistics?year=2025&region=32.73").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=300, public")
                .expectBody(String.class).isEqualTo("reporting");
        http.get().uri("/api/v1/public/statistics/anything-else").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/reports/regions/32.73").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/public/statistics").exchange().expectStatus().isUnauthorized();
        assertThat(SERVICES.get("reporting").requests()).containsExactly("GET /api/v1/public/statistics null");
    }

    @Test
    void theUnsubscribeLinkNeedsNoTokenButTheFailedNotificationsDo() {
        http.get().uri("/api/v1/notifications/unsubscribe?token=ADU-3F7KQ9M2XD.00").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("intake");
        http.get().uri("/api/v1/notifications/failed").exchange().expectStatus().isUnauthorized();
        assertThat(SERVICES.get("intake").requests()).containsExactly("GET /api/v1/notifications/unsubscribe null");
    }

    @Test
    void open311GoesToIntakeIsPublicToReadAndTakesAnApiKeyInsteadOfAToken() {
        http.get().uri("/open311/v2/services.json").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("intake");
        http.get().uri("/open311/v2/discovery.xml").exchange().expectStatus().isOk();
        http.get().uri("/open311/v2/requests/ADU-3F7KQ9M2XD.json").exchange().expectStatus().isOk();
        // Intake checks the api_key; a token sent is still checked here.
        http.post().uri("/open311/v2/requests.xml?api_key=a-client-apps-key").exchange().expectStatus().isOk();
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TestIssuer.shared().ombudsman())).exchange()
                .expectStatus().isForbidden();
        assertRoutedTo("POST", "/open311/v2/requests.json", "intake");
        assertRoutedTo("POST", "/api/v1/open311/client-apps", "intake");
        assertThat(SERVICES.get("intake").requests()).startsWith("GET /open311/v2/services.json null",
                "GET /open311/v2/discovery.xml null", "GET /open311/v2/requests/ADU-3F7KQ9M2XD.json null",
                "POST /open311/v2/requests.xml null");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentsOfEveryServiceAreServedTogetherWithoutAToken() {
        for (String service : SERVICES.keySet()) {
            http.get().uri("/api-docs/" + service).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(service);
            assertThat(SERVICES.get(service).requests()).contains("GET /v3/api-docs null");
        }
        http.get().uri("/api-docs/gateway").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/audit']").exists();
        String swaggerUi = http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        http.get().uri(swaggerUi).exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).startsWith("default-src 'self'"))
                .expectBody(String.class).value(page -> assertThat(page).containsIgnoringCase("swagger"));
        http.get().uri("/webjars/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk();
        http.get().uri("/api-docs/gateway/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].url").value(urls -> assertThat((List<Object>) urls)
                        .contains("/api-docs/intake", "/api-docs/routing", "/api-docs/sla", "/api-docs/reporting"));
    }

    @Test
    void healthIsOpenForProbes() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    private void assertRoutedTo(String method, String path, String service) {
        http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service);
        assertThat(SERVICES.get(service).requests()).as(path).anyMatch(request -> request.startsWith(method + " " + path + " "));
    }
}
