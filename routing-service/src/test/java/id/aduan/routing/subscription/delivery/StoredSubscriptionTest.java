package id.aduan.routing.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.routing.subscription.feed.AgencyFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Subscriptions through the typed collection: those stored in the earlier shape read and are claimed, new ones keep that shape. */
class StoredSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENCY = "32.73.DPUPR";
    private static final Instant NOW = Instant.parse("2026-05-04T03:02:01.123Z");
    private static final Instant EARLIER = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void aWebhookStoredInTheEarlierShapeReadsBackAndIsClaimed() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            Mono.from(database.getCollection(Subscriptions.COLLECTION).insertOne(new Document("_id", "hook-earlier")
                    .append("kind", "WEBHOOK").append("agencyCode", AGENCY).append("createdAt", Date.from(EARLIER))
                    .append("deliveredUpTo", 3L).append("feedHead", 5L).append("pending", true)
                    .append("nextAttemptAt", Date.from(EARLIER)).append("failuresInARow", 2)
                    .append("url", "https://dpupr.example.id/hook").append("secret", "s3cret").append("createdBy", "admin-dpupr")
                    .append("lastAttemptAt", Date.from(EARLIER)).append("lastStatus", 503).append("lastError", null)))
                    .block(WAIT);
            Mono.from(database.getCollection("agency-webhooks").insertOne(new Document("_id", AGENCY)
                    .append("ids", List.of("hook-earlier")))).block(WAIT);
            Subscriptions subscriptions = subscriptions(database);
            Subscription expected = new Subscription("hook-earlier", Subscription.Kind.WEBHOOK, AGENCY,
                    "https://dpupr.example.id/hook", "s3cret", EARLIER, 3L, 5L,
                    new Subscription.Status(EARLIER, 503, null, null, EARLIER, 2));

            assertThat(subscriptions.find(AGENCY, "hook-earlier").block(WAIT)).isEqualTo(expected);
            assertThat(subscriptions.of(AGENCY, Subscription.Kind.WEBHOOK).collectList().block(WAIT)).containsExactly(expected);
            // The pending subscription of the earlier version was put in the due collection when the service started.
            assertThat(subscriptions.claim(Duration.ofMinutes(1)).block(WAIT).subscription()).isEqualTo(expected);
        }
    }

    @Test
    void aTopicAndAWebhookAreStoredUnderTheFieldNamesAndTypesTheyHadBefore() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            Subscriptions subscriptions = subscriptions(database);
            subscriptions.ensureTopic(AGENCY).block(WAIT);
            subscriptions.ensureTopic(AGENCY).block(WAIT);
            String webhook = subscriptions.registerWebhook(AGENCY, "https://dpupr.example.id/hook", "s3cret", "admin-dpupr")
                    .block(WAIT).id();

            assertThat(stored(database, Subscriptions.topicId(AGENCY))).isEqualTo(new Document("_id", Subscriptions.topicId(AGENCY))
                    .append("kind", "TOPIC").append("agencyCode", AGENCY).append("createdAt", Date.from(NOW))
                    .append("deliveredUpTo", 0L).append("feedHead", 0L).append("pending", true)
                    .append("nextAttemptAt", Date.from(NOW)).append("failuresInARow", 0));
            assertThat(stored(database, webhook)).isEqualTo(new Document("_id", webhook)
                    .append("kind", "WEBHOOK").append("agencyCode", AGENCY).append("createdAt", Date.from(NOW))
                    .append("deliveredUpTo", 7L).append("feedHead", 7L).append("pending", false)
                    .append("nextAttemptAt", Date.from(NOW)).append("failuresInARow", 0)
                    .append("url", "https://dpupr.example.id/hook").append("secret", "s3cret").append("createdBy", "admin-dpupr"));
        }
    }

    private static Subscriptions subscriptions(MongoDatabase database) {
        AgencyFeed feed = mock(AgencyFeed.class);
        when(feed.head(AGENCY)).thenReturn(Mono.just(7L));
        return new Subscriptions(database, feed, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Document stored(MongoDatabase database, String id) {
        return Mono.from(database.getCollection(Subscriptions.COLLECTION).find(new Document("_id", id))).block(WAIT);
    }
}
