package id.aduan.intake;

import com.nimbusds.jwt.JWTClaimsSet;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.Topic;
import id.aduan.platform.security.Actor;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** A complaint's steps over intake's HTTP API, for the security and personal-data tests. */
public final class OverHttp {

    public static final TestIssuer TOKENS = TestIssuer.shared();

    private final WebTestClient http;

    public OverHttp(WebTestClient http) {
        this.http = http;
    }

    /** What a submission handed out. */
    public record Submitted(String trackingId, String secret) {
    }

    /** A liaison officer's token: the role, the agency and the unit claim. */
    public static String liaisonOfficer(String unitCode) {
        String agency = unitCode.substring(0, unitCode.indexOf(Actor.UNIT_SEPARATOR));
        Instant now = Instant.now();
        return TOKENS.sign(new JWTClaimsSet.Builder().issuer(TOKENS.issuer()).subject("penghubung-" + unitCode)
                .audience(TestIssuer.AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim(Actor.ROLES_CLAIM, List.of("liaison-officer")).claim(Actor.AGENCY_CLAIM, agency)
                .claim(Actor.UNIT_CLAIM, unitCode).build());
    }

    public Submitted submit(String body) {
        Map<?, ?> answer = http.post().uri("/api/v1/complaints").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Submitted((String) answer.get("trackingId"), (String) answer.get("reporterSecret"));
    }

    public ResponseSpec track(String trackingId, String token, String secret) {
        return http.get().uri("/api/v1/complaints/{id}", trackingId).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (secret != null) {
                h.set("X-Reporter-Secret", secret);
            }
        }).exchange();
    }

    /** The view as the coordinators see it, once the projection has it and it satisfies the condition. */
    public void awaitView(String trackingId, String condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            // The view itself (200), not a 404 problem whose body might match the condition too.
            EntityExchangeResult<String> view = track(trackingId, TOKENS.coordinator(), null).expectBody(String.class).returnResult();
            return view.getStatus().is2xxSuccessful() && view.getResponseBody() != null && view.getResponseBody().contains(condition);
        });
    }

    public ResponseSpec post(String path, String token, String body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public void verify(String trackingId, boolean anonymous, boolean confidential) {
        post("/api/v1/complaints/" + trackingId + "/verification", TOKENS.coordinator(),
                "{\"classification\":\"ASPIRATION\",\"anonymous\":%s,\"confidential\":%s}".formatted(anonymous, confidential))
                .expectStatus().isOk();
    }

    /** Routing's decision, as routing-service would publish it, recorded by intake. */
    public static void routeTo(String trackingId, String agencyCode) {
        TopicWriter.send(Complaints.envelope(Complaints.routed(trackingId, agencyCode, Instant.now())));
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitEvent(ComplaintAssigned.class, trackingId, Duration.ofSeconds(60));
        }
    }
}
