package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A complaint's facts through the typed collection: facts of the earlier shape load, new ones keep that shape. */
class StoredFactsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant VERIFIED_AT = Instant.parse("2026-05-04T03:02:01.123Z");
    private static final Instant ASSIGNED_AT = Instant.parse("2026-05-04T01:00:00Z");

    @Test
    void factsStoredInTheEarlierShapeLoad() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-sla");
            Mono.from(database.getCollection(ClockStore.COMPLAINTS).insertMany(List.of(
                    new Document("_id", "ADU-EARLIER01").append("classification", "INFORMATION_REQUEST")
                            .append("verifiedAt", Date.from(VERIFIED_AT)).append("agencyCode", "32.73.DPUPR")
                            .append("assignedAt", Date.from(ASSIGNED_AT)).append("clockIds", List.of()),
                    new Document("_id", "ADU-EARLIER02").append("classification", null).append("verifiedAt", null)
                            .append("agencyCode", null).append("assignedAt", null).append("clockIds", List.of())))).block(WAIT);
            ClockStore store = new ClockStore(database, Clock.systemUTC(), Duration.ZERO);

            assertThat(store.load("ADU-EARLIER01").block(WAIT)).isEqualTo(new ComplaintClocks("ADU-EARLIER01",
                    Classification.INFORMATION_REQUEST, VERIFIED_AT, "32.73.DPUPR", ASSIGNED_AT, List.of()));
            assertThat(store.load("ADU-EARLIER02").block(WAIT)).isEqualTo(ComplaintClocks.none("ADU-EARLIER02"));
        }
    }

    @Test
    void factsAreStoredUnderTheFieldNamesAndTypesTheyHadBefore() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-sla");
            KeepClocks clocks = new KeepClocks(ClockRulesTest.RULES, new ClockStore(database, Clock.systemUTC(), Duration.ZERO), PointAccessTest.publisher());
            String id = "ADU-SAMESHAPE";
            clocks.on(Complaints.envelope(new ComplaintAssigned(id, Destination.AGENCY, "32.73.DPUPR", ASSIGNED_AT))).block(WAIT);
            clocks.on(Complaints.envelope(new ComplaintVerified(id, Classification.ASPIRATION, "INFRA.ROAD", false, false,
                    VERIFIED_AT))).block(WAIT);

            Document stored = Mono.from(database.getCollection(ClockStore.COMPLAINTS).find(new Document("_id", id)).first())
                    .block(WAIT);
            assertThat(stored).isEqualTo(new Document("_id", id).append("classification", "ASPIRATION")
                    .append("verifiedAt", Date.from(VERIFIED_AT)).append("agencyCode", "32.73.DPUPR")
                    .append("assignedAt", Date.from(ASSIGNED_AT)).append("clockIds", stored.getList("clockIds", String.class)));
        }
    }
}
