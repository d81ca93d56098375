package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Classification;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.ReporterWindowExpired;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.contracts.Topic;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.alert.DeadlineSweep;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@AduanServiceTest
class SlaClocksIT {

    private static final String BANDUNG_ROADS = "32.73.DPUPR";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ClockStore store;
    @Autowired
    SlaSettings settings;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoClient mongo;
    @Autowired
    EventPublisher publisher;
    @Autowired
    ClockRules rules;
    @Autowired
    WebTestClient http;

    private final TopicWatcher sla = TopicWatcher.watch(Topic.SLA);

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void disposedComplaintGetsAFollowUpClockOnTheRealCalendarWhichAFollowUpStopsMet() {
        String id = ComplaintIds.next();
        // Verified Friday 18 December 2026 09:00 WIB, assigned an hour later: 5 working days skip
        // cuti bersama (24th) and Christmas (25th).
        List<EventEnvelope<?>> events = write(
                Complaints.submitted(id, null, Instant.parse("2026-12-17T02:00:00Z")),
                verified(id, Classification.ASPIRATION, Instant.parse("2026-12-18T02:00:00Z")),
                new ComplaintAssigned(id, Destination.AGENCY, BANDUNG_ROADS, Instant.parse("2026-12-18T03:00:00Z")));
        SlaClockStarted followUp = awaitClock(id, ClockKind.FOLLOW_UP);
        assertThat(followUp.agencyCode()).isEqualTo(BANDUNG_ROADS);
        assertThat(followUp.zone()).isEqualTo("Asia/Jakarta");
        assertThat(followUp.startedAt()).isEqualTo(Instant.parse("2026-12-18T03:00:00Z"));
        assertThat(followUp.workingDays()).isEqualTo(5);
        assertThat(followUp.dueDate()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(followUp.dueAt()).isEqualTo(Instant.parse("2026-12-29T17:00:00Z"));

        events.addAll(write(new ComplaintFollowedUp(id, BANDUNG_ROADS, "Sudah ditambal.", List.of(),
                Instant.parse("2026-12-22T03:00:00Z"))));
        sla.awaitRecord(record -> id.equals(record.key())
                && decode(record.value()) instanceof SlaClockStopped s && s.clockId().equals(followUp.clockId()), WAIT);
        SlaClockStopped stopped = stoppedOf(id, followUp.clockId());
        assertThat(stopped.outcome()).isEqualTo(SlaClockStopped.Outcome.MET);
        assertThat(stopped.workingDaysUsed()).isEqualTo(2);

        assertThat(rebuilt(events, id)).isEqualTo(stored(database, id));

        http.get().uri("/api/v1/complaints/{id}/sla", id).headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clocks.length()").isEqualTo(3)
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].state").isEqualTo("MET")
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].dueDate").isEqualTo("2026-12-29")
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].workingDaysUsed").isEqualTo(2)
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].workingDaysLeft").isEqualTo(3)
                // The citizen's end-to-end term ran from the same disposition and ended with the same follow-up.
                .jsonPath("$.clocks[?(@.kind == 'END_TO_END')].state").isEqualTo("MET")
                .jsonPath("$.clocks[?(@.kind == 'END_TO_END')].dueDate").isEqualTo("2026-12-29");
        http.get().uri("/api/v1/complaints/{id}/sla", id).headers(h -> h.setBearerAuth(TestIssuer.shared().agency(BANDUNG_ROADS)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clocks.length()").isEqualTo(2)
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].agencyCode").isEqualTo(BANDUNG_ROADS)
                .jsonPath("$.clocks[?(@.kind == 'VERIFICATION')]").isEmpty();
        http.get().uri("/api/v1/complaints/{id}/sla", id).headers(h -> h.setBearerAuth(TestIssuer.shared().agency("73.71.DINKES")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/complaints/{id}/sla", id).headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/complaints/{id}/sla", ComplaintIds.next())
                .headers(h -> h.setBearerAuth(TestIssuer.shared().ombudsman()))
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deadlinesThatPassedWhileNothingRanBreachOncePerRunningClockAndNeverAPausedOne() {
        String disposed = ComplaintIds.next();
        String waiting = ComplaintIds.next();
        String deferred = ComplaintIds.next();
        write(Complaints.submitted(disposed, null, Instant.parse("2025-06-02T02:00:00Z")),
                new ComplaintAssigned(disposed, Destination.AGENCY, BANDUNG_ROADS, Instant.parse("2025-06-02T02:00:01Z")),
                verified(disposed, Classification.COMPLAINT_SUPERVISORY_WEIGHT, Instant.parse("2025-06-03T02:00:00Z")));
        write(Complaints.submitted(waiting, null, Instant.parse("2025-06-02T02:00:00Z")));
        write(Complaints.submitted(deferred, null, Instant.parse("2025-06-02T02:00:00Z")),
                new ComplaintDeferred(deferred, "Di jalan mana?", Instant.parse("2025-06-02T03:00:00Z")));
        awaitClock(deferred, ClockKind.VERIFICATION);
        String followUp = awaitClock(disposed, ClockKind.FOLLOW_UP).clockId();
        String verification = awaitClock(waiting, ClockKind.VERIFICATION).clockId();
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);

        sweepSeveralTimes(SettledSweep.of(database, publisher, settings));

        SlaClockPaused paused = sla.awaitEvent(SlaClockPaused.class, deferred, WAIT).data();
        assertThat(paused.kind()).isEqualTo(ClockKind.VERIFICATION);
        assertThat(paused.pausedAt()).isEqualTo(Instant.parse("2025-06-02T03:00:00Z"));
        assertThat(countByClock(disposed, SlaClockBreached.class)).containsEntry(followUp, 1L).allSatisfy((clock, n) -> assertThat(n).isEqualTo(1L));
        assertThat(countByClock(waiting, SlaClockBreached.class)).isEqualTo(Map.of(verification, 1L));
        assertThat(countByClock(disposed, SlaClockWarning.class)).isEmpty();
        assertThat(countByClock(deferred, SlaClockBreached.class)).isEmpty();
        http.get().uri("/api/v1/complaints/{id}/sla", deferred).headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clocks[0].state").isEqualTo("PAUSED")
                .jsonPath("$.clocks[0].dueDate").isEqualTo("2025-06-05");
    }

    @Test
    void twoSweepersPublishEachWarningAndBreachOnce() throws Exception {
        String id = ComplaintIds.next();
        // Far enough ahead that the service's own sweep leaves it alone.
        write(Complaints.submitted(id, null, Instant.now().plus(Duration.ofDays(40))));
        String clockId = awaitClock(id, ClockKind.VERIFICATION).clockId();
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);
        SlaClock clock = store.clocksOf(id).blockFirst();

        for (Instant now : List.of(clock.warnAt().plusSeconds(1), clock.dueAt())) {
            DeadlineSweep first = new DeadlineSweep(database, publisher, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));
            DeadlineSweep second = new DeadlineSweep(database, publisher, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> sweepSeveralTimes(first)),
                    CompletableFuture.runAsync(() -> sweepSeveralTimes(second))).get();
        }

        assertThat(countByClock(id, SlaClockWarning.class)).isEqualTo(Map.of(clockId, 1L));
        assertThat(countByClock(id, SlaClockBreached.class)).isEqualTo(Map.of(clockId, 1L));
    }

    @Test
    void anAlertWhoseSweeperDiedAfterClaimingItIsTakenOverOnceTheLeaseRunsOut() {
        String id = ComplaintIds.next();
        write(Complaints.submitted(id, null, Instant.now().plus(Duration.ofDays(40))));
        String clockId = awaitClock(id, ClockKind.VERIFICATION).clockId();
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);
        Instant due = store.clocksOf(id).blockFirst().dueAt();
        Duration lease = Duration.ofSeconds(4);

        // This sweeper claims the breach, then cannot reach its broker: it dies holding the lease, unmarked.
        try (DeadBroker dead = new DeadBroker()) {
            DeadlineSweep dying = new DeadlineSweep(database, dead.publisher(), Clock.fixed(due, ZoneOffset.UTC), lease);
            assertThatThrownBy(dying::sweep).isNotNull();
        }
        DeadlineSweep survivor = new DeadlineSweep(database, publisher, Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC), lease);
        assertThat(survivor.sweep()).as("the lease is still live").isZero();
        assertThat(countByClock(id, SlaClockBreached.class)).isEmpty();

        DeadlineSweep later = new DeadlineSweep(database, publisher, Clock.fixed(due.plus(lease).plusSeconds(1), ZoneOffset.UTC), lease);
        sweepSeveralTimes(later);
        assertThat(countByClock(id, SlaClockBreached.class)).isEqualTo(Map.of(clockId, 1L));
    }

    /** A producer pointed at a port where no broker listens, which gives up quickly. */
    private static final class DeadBroker implements AutoCloseable {

        private final DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

        EventPublisher publisher() {
            return new EventPublisher(new KafkaTemplate<>(producers), "sla-service", headers -> { });
        }

        @Override
        public void close() {
            producers.destroy();
        }
    }

    @Test
    void aPastReporterWindowExpiresOnceInsteadOfBreaching() {
        String id = ComplaintIds.next();
        write(Complaints.submitted(id, null, Instant.parse("2025-06-02T02:00:00Z")),
                new ComplaintAssigned(id, Destination.AGENCY, BANDUNG_ROADS, Instant.parse("2025-06-02T02:00:01Z")),
                verified(id, Classification.ASPIRATION, Instant.parse("2025-06-03T02:00:00Z")),
                new ComplaintFollowedUp(id, BANDUNG_ROADS, "Sudah.", List.of(), Instant.parse("2025-06-04T02:00:00Z")),
                new ComplaintMarkedComplete(id, BANDUNG_ROADS, Instant.parse("2025-06-04T03:00:00Z")));
        String window = awaitClock(id, ClockKind.REPORTER_WINDOW).clockId();
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);

        sweepSeveralTimes(SettledSweep.of(database, publisher, settings));

        assertThat(countByClock(id, ReporterWindowExpired.class)).isEqualTo(Map.of(window, 1L));
        assertThat(countByClock(id, SlaClockBreached.class)).doesNotContainKey(window);
    }

    private static void sweepSeveralTimes(DeadlineSweep sweeper) {
        for (int i = 0; i < 5; i++) {
            sweeper.sweep();
        }
    }

    private static ComplaintVerified verified(String id, Classification classification, Instant at) {
        return new ComplaintVerified(id, classification, "INFRA.ROAD", false, false, at);
    }

    private static List<EventEnvelope<?>> write(AduanEvent... events) {
        List<EventEnvelope<?>> written = new ArrayList<>();
        for (AduanEvent event : events) {
            EventEnvelope<AduanEvent> envelope = Complaints.envelope(event);
            TopicWriter.send(envelope);
            written.add(envelope);
        }
        return written;
    }

    private SlaClockStarted awaitClock(String id, ClockKind kind) {
        sla.awaitRecord(record -> id.equals(record.key())
                && decode(record.value()) instanceof SlaClockStarted started && started.kind() == kind, WAIT);
        return sla.eventsAbout(id, Duration.ZERO).stream().map(EventEnvelope::data)
                .filter(e -> e instanceof SlaClockStarted s && s.kind() == kind).map(SlaClockStarted.class::cast)
                .findFirst().orElseThrow();
    }

    private SlaClockStopped stoppedOf(String id, String clockId) {
        return sla.eventsAbout(id, Duration.ZERO).stream().map(EventEnvelope::data)
                .filter(e -> e instanceof SlaClockStopped s && s.clockId().equals(clockId)).map(SlaClockStopped.class::cast)
                .findFirst().orElseThrow();
    }

    /** Every event of this type about the complaint now on the topic, counted per clock (the sweeps published synchronously). */
    private Map<String, Long> countByClock(String id, Class<? extends AduanEvent> type) {
        List<EventEnvelope<?>> seen = List.of();
        for (int polls = 0; polls < 5; polls++) {
            seen = sla.eventsAbout(id, Duration.ofMillis(400));
        }
        return seen.stream().map(EventEnvelope::data).filter(type::isInstance)
                .collect(Collectors.groupingBy(SlaClocksIT::clockIdOf, Collectors.counting()));
    }

    private static String clockIdOf(AduanEvent event) {
        if (event instanceof SlaClockBreached breached) {
            return breached.clockId();
        }
        if (event instanceof SlaClockWarning warning) {
            return warning.clockId();
        }
        return ((ReporterWindowExpired) event).clockId();
    }

    /** The same events, with the same ids, handled again over a fresh database. */
    private List<Document> rebuilt(List<EventEnvelope<?>> events, String id) {
        MongoDatabase fresh = mongo.getDatabase("aduan-sla-rebuild-" + UUID.randomUUID());
        KeepClocks keep = new KeepClocks(rules, new ClockStore(fresh, Clock.systemUTC(), Duration.ZERO), publisher);
        events.forEach(envelope -> keep.on(envelope).block(WAIT));
        return stored(fresh, id);
    }

    /** The clock documents of a complaint as the rules wrote them, without the sweep's marks. */
    private static List<Document> stored(MongoDatabase db, String id) {
        return Flux.from(db.getCollection(ClockStore.CLOCKS).find(Filters.eq("complaintId", id))).collectList().block(WAIT)
                .stream().peek(doc -> ClockStore.SWEEP_FIELDS.forEach(doc::remove))
                .sorted(Comparator.comparing(doc -> doc.getString("_id"))).toList();
    }

    private static AduanEvent decode(byte[] value) {
        return CloudEventCodec.decode(value).data();
    }
}
