package id.aduan.intake.socialmedia;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.Published;
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
class SocialMediaChannelIT {

    @Autowired
    WebTestClient http;

    @Test
    void aMentionBecomesOneComplaintHoweverOftenItIsForwarded() {
        String marker = UUID.randomUUID().toString();
        String body = """
                {"postId":"%s","kind":"MENTION","authorHandle":"warga_bdg",
                 "text":"@lapor1708 Sampah di Jalan Braga tidak diangkut %s #32.73","createdAt":"2026-03-02T01:15:00Z"}"""
                .formatted(UUID.randomUUID(), marker);
        Map<?, ?> first = post(body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = post(body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // Intake keeps only the secret's hash, so a repeat cannot hand it out again.
        assertThat(first.remove("reporterSecret")).isNotNull();
        assertThat(again).isEqualTo(first);

        String trackingId = (String) first.get("trackingId");
        ComplaintSubmitted event = Published.submitted(trackingId);
        assertThat(event.channel()).isEqualTo(Channel.SOCIAL_MEDIA);
        assertThat(event.title()).startsWith("Sampah di Jalan Braga");
        assertThat(event.location().regionCode()).isEqualTo("32.73");
        assertThat(event.reporterRef()).startsWith("rep-");
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactly(trackingId);
    }

    @Test
    void aPostThatIsOnlyAMentionIsRefused() {
        post("""
                {"postId":"%s","kind":"DIRECT_MESSAGE","authorHandle":"@warga_bdg","text":"@lapor1708 ","createdAt":"2026-03-02T01:15:00Z"}"""
                .formatted(UUID.randomUUID()))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        post("""
                {"postId":"p","kind":"RETWEET","authorHandle":"@warga_bdg","text":"x","createdAt":"2026-03-02T01:15:00Z"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/channels/social-media")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
