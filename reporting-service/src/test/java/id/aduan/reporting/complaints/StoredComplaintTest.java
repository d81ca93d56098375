package id.aduan.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.History;
import id.aduan.reporting.complaints.ComplaintFacts.Assignment;
import id.aduan.reporting.complaints.ComplaintFacts.Clock;
import id.aduan.reporting.complaints.ComplaintFacts.Resumption;
import id.aduan.reporting.complaints.ComplaintFacts.Submission;
import id.aduan.reporting.complaints.ComplaintFacts.Verification;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Complaint documents through the record codec: those of the earlier shape read back, new ones keep that shape. */
class StoredComplaintTest {

    private static final Instant AT = Instant.parse("2025-03-03T02:00:00Z");

    @Test
    void aDocumentOfTheEarlierShapeReadsBackAsItsFacts() {
        Document earlier = new Document("_id", "ADU-3F7KQ9M2XD")
                .append("facts", new Document("submission", new Document("channel", "WEB").append("category", "INFRA.ROAD")
                                .append("region", "32.73.01").append("at", date(0)))
                        .append("verification", new Document("classification", "ASPIRATION").append("category", "INFRA.ROAD")
                                .append("region", "32.73.01").append("at", date(3600)))
                        .append("archivedAt", null).append("completedAt", null)
                        .append("assignments", List.of(new Document("agency", "32.73.DPUPR").append("at", date(60))))
                        .append("forwards", List.of()).append("followUps", List.of()).append("reopenings", List.of())
                        .append("clocks", List.of(new Document("id", "clk-1").append("kind", "FOLLOW_UP").append("agency", "32.73.DPUPR")
                                .append("startedAt", date(60)).append("workingDays", 14).append("dueAt", date(86_400))
                                .append("stoppedAt", null).append("outcome", null).append("workingDaysUsed", null)
                                .append("breachedAt", null).append("pauses", List.of(date(600)))
                                .append("resumptions", List.of(new Document("at", date(900)).append("dueAt", date(90_000)))))))
                .append("counted", true).append("agency", "32.73.DPUPR").append("overdue", List.of())
                .append("submittedAt", date(0)).append("zone", "Asia/Jakarta").append("submittedOn", "2025-03-03")
                .append("channel", "WEB").append("category", "INFRA.ROAD").append("classification", "ASPIRATION")
                .append("region", new Document("province", "32").append("regency", "32.73").append("district", "32.73.01"))
                // Stored before ratings were counted: the tally lacks them.
                .append("tally", new Document("received", 1L).append("verified", 1L))
                .append("agencies", List.of());
        ComplaintDocuments.Stored stored = StoredForm.read(earlier);

        assertThat(ComplaintDocuments.factsOf("ADU-3F7KQ9M2XD", stored)).isEqualTo(new ComplaintFacts("ADU-3F7KQ9M2XD",
                new Submission(Channel.WEB, "INFRA.ROAD", "32.73.01", AT, AT),
                new Verification(Classification.ASPIRATION, "INFRA.ROAD", AT.plusSeconds(3600), "32.73.01"),
                null, null, List.of(new Assignment("32.73.DPUPR", AT.plusSeconds(60))), List.of(), List.of(), List.of(),
                List.of(new Clock("clk-1", ClockKind.FOLLOW_UP, "32.73.DPUPR", AT.plusSeconds(60), 14, AT.plusSeconds(86_400),
                        null, null, null, null, List.of(AT.plusSeconds(600)),
                        List.of(new Resumption(AT.plusSeconds(900), AT.plusSeconds(90_000))))),
                null));
        assertThat(Tally.fromDocument(stored.tally()).received()).isEqualTo(1L);
    }

    @Test
    void aDocumentIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        History history = History.submitted("ADU-3F7KQ9M2XD", Channel.WEB, "INFRA.ROAD", "32.73.01", AT)
                .routedTo("32.73.DPUPR", AT.plusSeconds(60))
                .verified(Classification.ASPIRATION, AT.plusSeconds(3600), 0, Outcome.MET)
                .followedUp(AT.plusSeconds(86_400), 1, Outcome.MET)
                .completed(AT.plusSeconds(172_800), AT.plusSeconds(259_200))
                .rated(5, AT.plusSeconds(345_600));
        ComplaintFacts facts = ComplaintReadModel.fold(ComplaintFacts.none(history.complaintId()), history.events());

        Document stored = StoredForm.document(ComplaintDocuments.toStored(facts, ComplaintSummary.of(facts, IndonesianRegions.shipped())));

        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "facts", "counted", "agency", "overdue", "submittedAt", "zone",
                "submittedOn", "channel", "category", "classification", "region", "tally", "agencies");
        assertThat(stored.get("submittedAt")).isEqualTo(date(0));
        assertThat(stored.get("channel")).isEqualTo("WEB");
        assertThat(stored.get("submittedOn")).isEqualTo("2025-03-03");
        assertThat(stored.get("tally", Document.class).keySet()).containsExactlyElementsOf(Tally.FIELDS);
        assertThat(stored.get("tally", Document.class).values()).allSatisfy(value -> assertThat(value).isInstanceOf(Long.class));
        Document share = stored.getList("agencies", Document.class).get(0);
        assertThat(share.keySet()).containsExactlyInAnyOrder("agency", "level", "province", "zone", "submittedOn", "tally");
        Document storedFacts = stored.get("facts", Document.class);
        assertThat(storedFacts.keySet()).containsExactlyInAnyOrder("submission", "verification", "completedAt", "assignments",
                "forwards", "followUps", "reopenings", "clocks", "rating");
        assertThat(storedFacts.get("submission", Document.class)).isEqualTo(new Document("channel", "WEB")
                .append("category", "INFRA.ROAD").append("region", "32.73.01").append("at", date(0)).append("receivedAt", date(0)));
        assertThat(storedFacts.get("rating", Document.class)).isEqualTo(new Document("score", 5).append("at", date(345_600)));
        assertThat(storedFacts.getList("followUps", Document.class).get(0).keySet()).containsExactly("agency", "at");
        Document clock = storedFacts.getList("clocks", Document.class).stream()
                .filter(each -> "FOLLOW_UP".equals(each.get("kind"))).findFirst().orElseThrow();
        assertThat(clock.keySet()).containsExactlyInAnyOrder("id", "kind", "agency", "startedAt", "workingDays", "dueAt", "stoppedAt",
                "outcome", "workingDaysUsed", "pauses", "resumptions");
        assertThat(clock.get("startedAt")).isInstanceOf(Date.class);
        assertThat(clock.get("workingDays")).isInstanceOf(Integer.class);
    }

    private static Date date(long secondsAfter) {
        return Date.from(AT.plusSeconds(secondsAfter));
    }
}
