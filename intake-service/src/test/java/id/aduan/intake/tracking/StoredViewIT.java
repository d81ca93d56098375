package id.aduan.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.testkit.AduanServiceTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Tracking views through the typed collection: views of the earlier shape read back, new ones keep that shape. */
@AduanServiceTest
class StoredViewIT {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-05-04T03:02:01.123456789Z");

    @Autowired
    WebTestClient http;
    @Autowired
    MongoDatabase database;
    @Autowired
    ComplaintViews views;

    @Test
    void aViewStoredInTheEarlierShapeReadsBack() {
        String id = "ADU-VIEWEARLY1";
        Document earlier = new Document("_id", id).append("title", "Jalan rusak").append("description", "Berlubang.")
                .append("categoryCode", "INFRA.ROAD").append("regionCode", "32.73.01").append("latitude", -6.9)
                .append("longitude", 107.6).append("address", null).append("channel", "WEB")
                .append("submittedAt", SUBMITTED_AT.toString()).append("submittedOn", Date.from(SUBMITTED_AT))
                .append("anonymous", false).append("confidential", false)
                .append("reporter", new Document("ref", "rep-early").append("key", "key-1").append("ciphertext", "c1pher"))
                .append("reporterSecretHash", "hash").append("status", "IN_PROCESS").append("classification", "ASPIRATION")
                .append("agencyCode", "32.73.DPUPR")
                .append("steps", new Document("evt-2", step(2, "ASSIGNED", "Diteruskan.", "32.73.DPUPR", null, null))
                        .append("evt-1", step(1, "SUBMITTED", "Diterima.", null, "coordinator",
                                List.of(new Document("id", "att-1").append("name", "foto.jpg").append("mediaType", "image/jpeg")
                                        .append("size", 1024).append("sha256", "ab12")))));
        Mono.from(database.getCollection(ComplaintViews.COLLECTION).insertOne(earlier)).block();

        assertThat(views.find(id).block()).isEqualTo(new TrackedComplaint(id, ComplaintStatus.IN_PROCESS, "Jalan rusak",
                "Berlubang.", "INFRA.ROAD", "32.73.01", -6.9, 107.6, null, "WEB", SUBMITTED_AT, "ASPIRATION", false, false,
                "32.73.DPUPR", null, new SealedReporter("key-1", "c1pher"), "rep-early", "hash", List.of(
                        new Step("SUBMITTED", SUBMITTED_AT, "Diterima.", null, null, "coordinator", null,
                                List.of(new Attachment("att-1", "foto.jpg", "image/jpeg", 1024, "ab12"))),
                        new Step("ASSIGNED", SUBMITTED_AT, "Diteruskan.", "32.73.DPUPR", null, null, null, null))));
    }

    @Test
    void aViewIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        OverHttp intake = new OverHttp(http);
        Submitted complaint = intake.submit("""
                {"title":"Jalan rusak","description":"Berlubang.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01","latitude":-6.9,"longitude":107.6},"anonymous":false,"confidential":false,
                 "reporter":{"name":"Siti Aminah","email":"siti@example.id"}}""");
        intake.awaitView(complaint.trackingId(), "\"status\"");

        Document view = Mono.from(database.getCollection(ComplaintViews.COLLECTION).find(new Document("_id", complaint.trackingId())))
                .block();
        assertThat(view.keySet()).containsExactlyInAnyOrder("_id", "title", "description", "categoryCode", "regionCode", "latitude",
                "longitude", "address", "channel", "submittedAt", "submittedOn", "anonymous", "confidential", "reporter",
                "reporterSecretHash", "status", "steps");
        assertThat(view.get("latitude")).isEqualTo(-6.9);
        assertThat(view.get("submittedAt")).isInstanceOf(String.class);
        assertThat(view.get("submittedOn")).isInstanceOf(Date.class);
        assertThat(view.get("anonymous")).isEqualTo(false);
        assertThat(view.get("status")).isEqualTo("AWAITING_VERIFICATION");
        assertThat(view.get("reporter", Document.class).keySet()).containsExactly("ref", "key", "ciphertext");
        Document step = (Document) view.get("steps", Document.class).values().iterator().next();
        // A step's null fields (agencyCode, text, actor, caseText, attachments here) are left out;
        // the view's own are still set to null by the projection's updates.
        assertThat(step.keySet()).containsExactlyInAnyOrder("sequence", "step", "at", "description");
        assertThat(step.get("sequence")).isEqualTo(0L);
        assertThat(step.get("at")).isInstanceOf(String.class);
    }

    private static Document step(long sequence, String step, String description, String agencyCode, String actor,
            List<Document> attachments) {
        return new Document("sequence", sequence).append("step", step).append("at", SUBMITTED_AT.toString())
                .append("description", description).append("agencyCode", agencyCode).append("text", null)
                .append("actor", actor).append("caseText", null).append("attachments", attachments);
    }
}
