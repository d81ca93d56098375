package id.aduan.intake.manualentry;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class ManualEntryIT {

    @Autowired
    WebTestClient http;

    @Test
    void anAgencyAdminTypesInAWhatsappComplaintWithItsOriginalTime() {
        String marker = UUID.randomUUID().toString();
        Map<?, ?> answer = enter(TestIssuer.shared().agency("32.73.DISKOMINFO"), null, form("WHATSAPP", "2026-03-01T09:30:00Z", marker))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        ComplaintSubmitted event = Published.submitted((String) answer.get("trackingId"));
        assertThat(event.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(event.receivedAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(event.submittedAt()).isAfter(event.receivedAt());
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameComplaint() {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String body = form("LETTER", "2026-02-20T02:00:00Z", marker);
        Map<?, ?> first = enter(TestIssuer.shared().coordinator(), key, body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = enter(TestIssuer.shared().coordinator(), key, body)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // Intake keeps only the secret's hash, so a repeat cannot hand it out again.
        assertThat(first.remove("reporterSecret")).isNotNull();
        assertThat(again).isEqualTo(first);

        String trackingId = (String) first.get("trackingId");
        assertThat(Published.submitted(trackingId).channel()).isEqualTo(Channel.LETTER);
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactly(trackingId);
    }

    @Test
    void aTimeInTheFutureOrAChannelNotTypedInIsRefused() {
        enter(TestIssuer.shared().coordinator(), null, form("PHONE", Instant.now().plusSeconds(3600).toString(), "x"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("receivedAt");
        enter(TestIssuer.shared().coordinator(), null, form("SMS", "2026-02-20T02:00:00Z", "x"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
    }

    @Test
    void aRegionTheReferenceDoesNotKnowIsRefusedAndAProvinceAloneIsAccepted() {
        String form = form("PHONE", "2026-02-20T02:00:00Z", UUID.randomUUID().toString());
        enter(TestIssuer.shared().coordinator(), null, form.replace("\"32.73.01\"", "\"94.71.01\""))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("location.regionCode");
        enter(TestIssuer.shared().coordinator(), null, form.replace("\"32.73.01\"", "\"32\"")).expectStatus().isCreated();
    }

    @Test
    void onlyAdminsTypeIn() {
        enter(TestIssuer.shared().citizen(), null, form("PHONE", "2026-02-20T02:00:00Z", "x")).expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec enter(String token, String idempotencyKey, String body) {
        return http.post().uri("/api/v1/channels/manual")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    static String form(String channel, String receivedAt, String marker) {
        return """
                {"channel":"%s","receivedAt":"%s","title":"Pungutan liar di kantor kelurahan",
                 "description":"Warga diminta membayar untuk surat pengantar. %s",
                 "categoryCode":"CIVIL_SERVICE","location":{"regionCode":"32.73.01"},
                 "reporter":{"name":"Budi","phone":"+628111222333"}}""".formatted(channel, receivedAt, marker);
    }
}
