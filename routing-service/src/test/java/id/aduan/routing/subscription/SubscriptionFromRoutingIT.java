package id.aduan.routing.subscription;

import static id.aduan.routing.subscription.RoutingSteps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.feed.FeedEntry;
import id.aduan.routing.subscription.topic.AgencyTopics;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicConfigs;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

/** The whole way inside routing-service: a submitted complaint reaches the competent agency's own topic. */
@AduanServiceTest
class SubscriptionFromRoutingIT {

    private static final String PUBLIC_WORKS = "32.73.DPUPR";
    private static final String THIRTY_DAYS = Long.toString(Duration.ofDays(30).toMillis());

    @Autowired
    AgencyFeed feed;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    AgencyTopics agencyTopics;

    @Test
    void aRoadComplaintInBandungReachesThePublicWorksOfficesTopicAndNotTheOfficeItWasAddressedTo() {
        String complaintId = ComplaintIds.next();
        TopicWriter.send(Complaints.envelope(Complaints.submitted(complaintId, "32.73.DUKCAPIL", Instant.now())));

        long sequence = await().atMost(PATIENCE).until(() -> entryAbout(complaintId), Optional::isPresent).get().sequence();
        // Read once the topic exists: a consumer subscribing earlier could have it auto-created with too few partitions.
        await().atMost(PATIENCE).until(() -> subscriptions.find(PUBLIC_WORKS, Subscriptions.topicId(PUBLIC_WORKS))
                .map(topic -> topic.deliveredUpTo() >= sequence).blockOptional(PATIENCE).orElse(false));
        try (TopicWatcher publicWorks = TopicWatcher.watch("aduan.agency." + PUBLIC_WORKS)) {
            ComplaintRouted routed = publicWorks.awaitEvent(ComplaintRouted.class, complaintId, PATIENCE).data();
            assertThat(routed.agencyCode()).isEqualTo(PUBLIC_WORKS);
        }
        // One partition per agency: thousands of agency topics stay one partition each on the broker.
        String topic = "aduan.agency." + PUBLIC_WORKS;
        assertThat(admin.describeTopics(topic).get(topic).partitions()).hasSize(1);
        // A delivery channel, not the record (the feed is): a month's retention.
        assertThat(TopicConfigs.of(topic, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(THIRTY_DAYS);
        assertThat(feed.after("32.73.DUKCAPIL", 0, 10_000).filter(entry -> entry.complaintId().equals(complaintId))
                .collectList().block(PATIENCE)).isEmpty();
    }

    @Test
    void anAgencyTopicCreatedEarlierWithTheBrokersRetentionGetsTheConfiguredOneAtStart() {
        String topic = "aduan.agency.32.73.T" + System.nanoTime();
        TopicConfigs.create(topic, 1);
        assertThat(TopicConfigs.of(topic, TopicConfig.RETENTION_MS_CONFIG)).isNotEqualTo(THIRTY_DAYS);

        agencyTopics.alignExisting(); // what routing-service does at start

        assertThat(TopicConfigs.of(topic, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(THIRTY_DAYS);
    }

    private Optional<FeedEntry> entryAbout(String complaintId) {
        return feed.after(PUBLIC_WORKS, 0, 10_000).filter(entry -> entry.complaintId().equals(complaintId)).next()
                .blockOptional(PATIENCE);
    }
}
