package id.aduan.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.Published;
import id.aduan.platform.web.ProblemType;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class SmsChannelIT {

    @Autowired
    WebTestClient http;

    @Test
    void anSmsBecomesAComplaintAndTheReplyCarriesTheTrackingId() {
        String marker = UUID.randomUUID().toString();
        Map<?, ?> answer = post(sms(UUID.randomUUID().toString(), "LAPOR#32.73#INFRA.ROAD#Jalan rusak#Berlubang " + marker))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String trackingId = (String) answer.get("trackingId");
        assertThat((String) answer.get("reply")).contains(trackingId).contains("laporan Anda");

        ComplaintSubmitted event = Published.submitted(trackingId);
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.categoryCode()).isEqualTo("INFRA.ROAD");
        assertThat(event.location().regionCode()).isEqualTo("32.73");
        assertThat(event.title()).isEqualTo("Jalan rusak");
        assertThat(event.reporterRef()).startsWith("rep-");
    }

    @Test
    void anSmsNamingARegionTheReferenceDoesNotKnowIsStillHeardWithoutARegion() {
        Map<?, ?> answer = post(sms(UUID.randomUUID().toString(), "LAPOR#94.71.01#INFRA.ROAD#Jalan rusak#Berlubang"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(Published.submitted((String) answer.get("trackingId")).location().regionCode()).isEqualTo("00");
    }

    @Test
    void theSameMessageTwiceIsOneComplaintWithTheSameReply() {
        String marker = UUID.randomUUID().toString();
        String body = sms(UUID.randomUUID().toString(), "Lampu jalan mati " + marker + " #32.73.01");
        Map<?, ?> first = post(body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = post(body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // Intake keeps only the secret's hash, so a repeat cannot hand it out again.
        assertThat(first.remove("reporterSecret")).isNotNull();
        assertThat(again).isEqualTo(first);

        String trackingId = (String) first.get("trackingId");
        assertThat(Published.submitted(trackingId).location().regionCode()).isEqualTo("32.73.01");
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactly(trackingId);
    }

    @Test
    void anEmptySmsIsAnsweredWithTheFormatAndNothingIsStored() {
        post(sms(UUID.randomUUID().toString(), "  "))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("text")
                .jsonPath("$.type").isEqualTo(ProblemType.RULE_VIOLATION.uri().toString())
                .jsonPath("$.reply").value(reply -> assertThat((String) reply).contains("LAPOR#"));
    }

    @Test
    void theWebhookIsForTheGatewayAndChecksItsFields() {
        http.post().uri("/api/v1/channels/sms")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(sms("m-1", "Halo"))
                .exchange().expectStatus().isForbidden();
        post(sms("m-2", "Halo").replace("+6281234567890", "Siti"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/channels/sms")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private static String sms(String messageId, String text) {
        return """
                {"messageId":"%s","from":"+6281234567890","text":"%s","receivedAt":"2026-03-02T01:15:00Z"}"""
                .formatted(messageId, text);
    }
}
