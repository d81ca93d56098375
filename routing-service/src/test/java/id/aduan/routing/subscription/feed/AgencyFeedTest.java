package id.aduan.routing.subscription.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The feed's numbering by its head hint, which may lag but never runs ahead. */
class AgencyFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENCY = "32.73.DPUPR";
    private static final Instant APPENDED_AT = Instant.parse("2026-05-04T03:02:01.123Z");

    @Test
    void anAppendAfterOneThatStoppedBeforeMovingTheHintTakesTheNextNumberAndLeavesNoGap() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            AgencyFeed feed = new AgencyFeed(database, Clock.systemUTC());
            IntStream.range(0, 3).forEach(i -> append(feed));
            // As if the last two appends stopped between their entry and the hint.
            Mono.from(database.getCollection("agency-feed-heads").updateOne(Filters.eq("_id", AGENCY), Updates.set("sequence", 1L)))
                    .block(WAIT);

            assertThat(feed.head(AGENCY).block(WAIT)).isEqualTo(3L);
            assertThat(append(feed)).isEqualTo(4L);
            assertThat(feed.after(AGENCY, 0, 10).map(FeedEntry::sequence).collectList().block(WAIT)).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void anEventAppendedAgainKeepsItsNumber() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            AgencyFeed feed = new AgencyFeed(mongo.database("aduan-routing"), Clock.systemUTC());
            EventEnvelope<?> routed = Complaints.envelope(Complaints.routed(ComplaintIds.next(), AGENCY, Instant.now()));
            long first = feed.append(AGENCY, routed, "{}").block(WAIT);
            append(feed);

            assertThat(feed.append(AGENCY, routed, "{}").block(WAIT)).isEqualTo(first);
            assertThat(feed.after(AGENCY, 0, 10).map(FeedEntry::eventId).collectList().block(WAIT)).hasSize(2)
                    .first().isEqualTo(routed.id());
        }
    }

    @Test
    void entriesStoredInTheEarlierShapeAreReadAndNumberedAfter() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            Mono.from(database.getCollection(AgencyFeed.COLLECTION).insertOne(new Document("_id", AGENCY + "/evt-earlier")
                    .append("agencyCode", AGENCY).append("sequence", 1L).append("position", AGENCY + "/1")
                    .append("eventId", "evt-earlier").append("type", "id.aduan.complaint.routed.v1")
                    .append("complaintId", "ADU-3F7KQ9M2XD").append("cloudEvent", "{\"id\":\"evt-earlier\"}")
                    .append("appendedAt", Date.from(APPENDED_AT)))).block(WAIT);
            AgencyFeed feed = new AgencyFeed(database, Clock.fixed(APPENDED_AT, ZoneOffset.UTC));

            assertThat(feed.after(AGENCY, 0, 10).collectList().block(WAIT)).containsExactly(new FeedEntry(AGENCY, 1L, "evt-earlier",
                    "id.aduan.complaint.routed.v1", "ADU-3F7KQ9M2XD", "{\"id\":\"evt-earlier\"}", APPENDED_AT));
            assertThat(append(feed)).isEqualTo(2L);
        }
    }

    @Test
    void anEntryIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            AgencyFeed feed = new AgencyFeed(database, Clock.fixed(APPENDED_AT, ZoneOffset.UTC));
            EventEnvelope<?> routed = Complaints.envelope(Complaints.routed(ComplaintIds.next(), AGENCY, Instant.now()));
            feed.append(AGENCY, routed, "{}").block(WAIT);

            assertThat(Mono.from(database.getCollection(AgencyFeed.COLLECTION).find(Filters.eq("_id", AGENCY + "/" + routed.id())))
                    .block(WAIT)).isEqualTo(new Document("_id", AGENCY + "/" + routed.id()).append("agencyCode", AGENCY)
                    .append("sequence", 1L).append("position", AGENCY + "/1").append("eventId", routed.id())
                    .append("type", routed.type()).append("complaintId", routed.subject()).append("cloudEvent", "{}")
                    .append("appendedAt", Date.from(APPENDED_AT)));
        }
    }

    private static long append(AgencyFeed feed) {
        EventEnvelope<?> routed = Complaints.envelope(Complaints.routed(ComplaintIds.next(), AGENCY, Instant.now()));
        return feed.append(AGENCY, routed, "{}").block(WAIT);
    }
}
