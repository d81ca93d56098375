package id.aduan.intake.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.Topic;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A coordinator corrects an SMS's missing region and its category while verifying it. */
@AduanServiceTest
class CorrectionAtVerificationIT {

    @Autowired
    WebTestClient http;

    private OverHttp intake;

    @BeforeEach
    void setUp() {
        intake = new OverHttp(http);
    }

    @Test
    void theCorrectedRegionAndCategoryAreVerifiedPublishedAndShownInTheTimeline() {
        Submitted complaint = unregionedSms();
        intake.awaitView(complaint.trackingId(), "\"SUBMITTED\"");

        verify(complaint.trackingId(), "INFRA.ROAD", "32.73.01").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("VERIFIED");

        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            ComplaintVerified verified = complaints.awaitEvent(ComplaintVerified.class, complaint.trackingId(),
                    Duration.ofSeconds(60)).data();
            assertThat(verified.categoryCode()).isEqualTo("INFRA.ROAD");
            assertThat(verified.regionCode()).isEqualTo("32.73.01");
            assertThat(verified.verifiedBy()).isEqualTo("coordinator");
        }
        intake.awaitView(complaint.trackingId(), "\"VERIFIED\"");
        intake.track(complaint.trackingId(), OverHttp.TOKENS.coordinator(), null).expectBody()
                .jsonPath("$.regionCode").isEqualTo("32.73.01")
                .jsonPath("$.categoryCode").isEqualTo("INFRA.ROAD")
                .jsonPath("$.timeline[1].step").isEqualTo("CORRECTED")
                .jsonPath("$.timeline[1].description")
                .isEqualTo("Dikoreksi oleh koordinator saat verifikasi: kategori GENERAL menjadi INFRA.ROAD, wilayah 00 menjadi 32.73.01.")
                // Who corrected it is for the case file, not the tracking page.
                .jsonPath("$.timeline[1].actor").doesNotExist()
                .jsonPath("$.timeline[2].step").isEqualTo("VERIFIED");
        assertThat(actorsOfTheStoredSteps(complaint.trackingId())).contains("coordinator");
    }

    @Test
    void anUnknownRegionOrCategoryIsRefusedNamingTheFieldAndChangesNothing() {
        Submitted complaint = unregionedSms();
        intake.awaitView(complaint.trackingId(), "\"SUBMITTED\"");

        problem(verify(complaint.trackingId(), null, "99.01"), "regionCode");
        problem(verify(complaint.trackingId(), null, "94.71.01"), "regionCode");
        problem(verify(complaint.trackingId(), null, "32-73"), "regionCode");
        problem(verify(complaint.trackingId(), "INFRA.TELEPORTER", null), "categoryCode");

        // A correct verification afterwards is still the first one: nothing was recorded before it.
        verify(complaint.trackingId(), null, "32.73").expectStatus().isOk();
        intake.awaitView(complaint.trackingId(), "\"VERIFIED\"");
        intake.track(complaint.trackingId(), OverHttp.TOKENS.coordinator(), null).expectBody()
                .jsonPath("$.regionCode").isEqualTo("32.73")
                .jsonPath("$.categoryCode").isEqualTo("GENERAL")
                .jsonPath("$.timeline.length()").isEqualTo(3)
                .jsonPath("$.timeline[1].description")
                .isEqualTo("Dikoreksi oleh koordinator saat verifikasi: wilayah 00 menjadi 32.73.");
    }

    /** An SMS that names no region: it arrives as region 00, category GENERAL. */
    private Submitted unregionedSms() {
        String sms = """
                {"messageId":"%s","from":"+6281234567890","text":"Jalan rusak di depan pasar.","receivedAt":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now());
        Map<?, ?> answer = intake.post("/api/v1/channels/sms", OverHttp.TOKENS.coordinator(), sms)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Submitted((String) answer.get("trackingId"), (String) answer.get("reporterSecret"));
    }

    private WebTestClient.ResponseSpec verify(String id, String categoryCode, String regionCode) {
        String corrections = (categoryCode == null ? "" : "\"categoryCode\":\"" + categoryCode + "\",")
                + (regionCode == null ? "" : "\"regionCode\":\"" + regionCode + "\",");
        return intake.post("/api/v1/complaints/" + id + "/verification", OverHttp.TOKENS.coordinator(),
                "{" + corrections + "\"classification\":\"COMPLAINT_NO_SUPERVISORY_WEIGHT\",\"anonymous\":false,\"confidential\":false}");
    }

    private static void problem(WebTestClient.ResponseSpec answer, String field) {
        answer.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /** Who took each step, as the view keeps it for the case file. */
    private static List<String> actorsOfTheStoredSteps(String id) {
        try (MongoClient mongo = MongoClients.create(Infrastructure.shared().mongoUri(AduanServiceTest.DATABASE))) {
            Document view = mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("complaint-views")
                    .find(new Document("_id", id)).first();
            return view.get("steps", Document.class).values().stream()
                    .map(step -> ((Document) step).getString("actor")).filter(Objects::nonNull).toList();
        }
    }
}
