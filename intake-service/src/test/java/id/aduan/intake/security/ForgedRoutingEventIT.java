package id.aduan.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.intake.OverHttp;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A routing decision that does not come from routing-service, written to aduan.routing by any other process
 * that can reach Kafka, assigns nothing: intake dead-letters it and goes on with the genuine decisions.
 */
@AduanServiceTest
class ForgedRoutingEventIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WebTestClient http;

    @Test
    void aRoutingDecisionFromAnotherServiceIsDeadLetteredAndAssignsNothing() {
        OverHttp complaints = new OverHttp(http);
        String id = complaints.submit("""
                {"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}""").trackingId();
        complaints.verify(id, false, false);
        EventEnvelope<?> forged = new EventEnvelope<>(UUID.randomUUID().toString(), "/aduan/reporting-service",
                Complaints.routed(id, "32.73.DINKES", Instant.now()));

        try (TopicWatcher deadLetters = TopicWatcher.watch("aduan.dlq.intake-service");
             TopicWatcher published = TopicWatcher.watch(Topic.COMPLAINTS)) {
            TopicWriter.send(forged);
            ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(record -> id.equals(record.key()), PATIENCE);
            assertThat(new String(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8))
                    .contains("comes from /aduan/reporting-service, but only /aduan/routing-service emits it");

            // Same key, so the same partition: assigned only because the consumer went on past the forged one.
            OverHttp.routeTo(id, "32.73.DPUPR");
            // The first assignment published is the genuine one: the forged decision assigned nothing.
            assertThat(published.awaitEvent(ComplaintAssigned.class, id, PATIENCE).data().agencyCode()).isEqualTo("32.73.DPUPR");
        }
    }
}
