package id.aduan.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The inbox through its typed collection: entries of the earlier shape still count, new ones keep that shape. */
class InboxTest {

    private static final Instant NOW = Instant.parse("2026-05-04T03:02:01.123Z");
    private static ScanCountingMongo mongo;
    private static MongoDatabase database;

    @BeforeAll
    static void start() {
        mongo = ScanCountingMongo.start();
        database = mongo.database("inbox-test");
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void anEventRecordedInTheEarlierShapeIsHandledAlready() {
        Mono.from(database.getCollection(Inbox.COLLECTION).insertOne(new Document("_id", "evt-earlier")
                .append("type", "id.aduan.complaint.submitted.v1").append("subject", "ADU-3F7KQ9M2XD")
                .append("handledAt", Date.from(NOW)))).block();

        Inbox inbox = new Inbox(database, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(inbox.contains("evt-earlier").block()).isTrue();
        assertThat(inbox.contains("evt-never-seen").block()).isFalse();
        assertThat(Mono.from(database.getCollection(Inbox.COLLECTION, Inbox.Handled.class)
                        .find(new Document("_id", "evt-earlier")).first()).block())
                .isEqualTo(new Inbox.Handled("evt-earlier", "id.aduan.complaint.submitted.v1", "ADU-3F7KQ9M2XD", NOW));
    }

    @Test
    void anEventIsRecordedOnceUnderTheFieldNamesAndTypesItHadBefore() {
        Inbox inbox = new Inbox(database, Clock.fixed(NOW, ZoneOffset.UTC));
        EventEnvelope<?> envelope = new EventEnvelope<>("evt-same-shape", "/aduan/intake-service",
                Complaints.submitted("ADU-3F7KQ9M2XD", "32.73.DPUPR", Instant.parse("2026-05-04T03:00:00Z")));
        inbox.record(envelope).block();
        inbox.record(envelope).block();

        assertThat(Mono.from(database.getCollection(Inbox.COLLECTION).find(new Document("_id", "evt-same-shape"))).block())
                .isEqualTo(new Document("_id", "evt-same-shape").append("type", envelope.type())
                        .append("subject", envelope.subject()).append("handledAt", Date.from(NOW)));
        assertThat(inbox.contains("evt-same-shape").block()).isTrue();
    }
}
