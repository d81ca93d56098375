package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.platform.events.EventPublisher;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.sla.alert.DeadlineSweep;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Keeping a complaint's clocks reads no collection whole on the stand-in (docs/sla.md, "Hot path"),
 * however many complaints came before; the deadline sweep reads only the alerts still owed.
 */
class PointAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BANDUNG_ROADS = "32.73.DPUPR";
    private static final Instant LONG_AGO = Instant.parse("2025-06-02T02:00:00Z");

    @Test
    void keepingTheClocksOfAComplaintReadsNoCollectionWholeAndTheSweepOnlyWhatIsOwed() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-sla");
            EventPublisher publisher = publisher();
            KeepClocks clocks = new KeepClocks(ClockRulesTest.RULES, new ClockStore(database, Clock.systemUTC(), Duration.ZERO), publisher);
            for (int i = 0; i < 25; i++) {
                waitingForVerification(clocks, ComplaintIds.next());
                throughItsWholeLife(clocks, ComplaintIds.next());
            }
            mongo.forgetScans();

            throughItsWholeLife(clocks, ComplaintIds.next());

            assertThat(mongo.scans()).isEmpty();

            int published = new DeadlineSweep(database, publisher, Clock.fixed(Instant.now(), ZoneOffset.UTC), Duration.ofMinutes(1))
                    .sweep();
            // Every running clock is long overdue: each breached or expired, and nothing is left owed.
            assertThat(published).isGreaterThanOrEqualTo(51);
            assertThat(mongo.scans()).isNotEmpty().allSatisfy(scan -> assertThat(scan).startsWith(ClockStore.DEADLINES + " "));
            assertThat(Mono.from(database.getCollection(ClockStore.DEADLINES).countDocuments()).block(WAIT)).isZero();
        }
    }

    private static void waitingForVerification(KeepClocks clocks, String id) {
        handle(clocks, Complaints.submitted(id, null, LONG_AGO));
    }

    private static void throughItsWholeLife(KeepClocks clocks, String id) {
        handle(clocks, Complaints.submitted(id, null, LONG_AGO),
                new ComplaintAssigned(id, Destination.AGENCY, BANDUNG_ROADS, LONG_AGO.plusSeconds(1)),
                new ComplaintVerified(id, Classification.ASPIRATION, "INFRA.ROAD", false, false, LONG_AGO.plusSeconds(3_600)),
                new ComplaintFollowedUp(id, BANDUNG_ROADS, "Sudah diperbaiki.", List.of(), LONG_AGO.plusSeconds(7_200)),
                new ComplaintMarkedComplete(id, BANDUNG_ROADS, LONG_AGO.plusSeconds(10_800)));
    }

    private static void handle(KeepClocks clocks, AduanEvent... events) {
        for (AduanEvent event : events) {
            clocks.on(Complaints.envelope(event)).block(WAIT);
        }
    }

    @SuppressWarnings("unchecked")
    static EventPublisher publisher() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        return new EventPublisher(kafka, "sla-service", headers -> { });
    }
}
