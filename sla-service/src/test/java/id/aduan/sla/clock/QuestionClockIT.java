package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.QuestionExpired;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.Topic;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.alert.DeadlineSweep;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** An agency's question to the reporter pauses its clocks until the answer, or until the reporter's time runs out. */
@AduanServiceTest
class QuestionClockIT {

    private static final String BANDUNG_ROADS = "32.73.DPUPR";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoDatabase database;
    @Autowired
    EventPublisher publisher;
    @Autowired
    SlaSettings settings;
    @Autowired
    WebTestClient http;

    private final TopicWatcher sla = TopicWatcher.watch(Topic.SLA);

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void theAgencysClockPausesOnTheQuestionAndResumesOnTheAnswerWithTheDueDateMovedAndARedeliveryChangesNothing() {
        String id = disposed();
        // Asked Monday 16 March 2026, 10:00 WIB; answered Friday 27 March, 09:00 WIB (docs/sla.md, "Pause and resume").
        write(new QuestionAsked(id, BANDUNG_ROADS, "Lajur kiri atau kanan?", Instant.parse("2026-03-16T03:00:00Z")));
        assertThat(awaitAll(id, SlaClockPaused.class, 2)).extracting(SlaClockPaused::kind)
                .containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
        status(id).jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].state").isEqualTo("PAUSED")
                .jsonPath("$.clocks[?(@.kind == 'REPORTER_QUESTION')].state").isEqualTo("RUNNING")
                .jsonPath("$.clocks[?(@.kind == 'REPORTER_QUESTION')].dueDate").isEqualTo("2026-04-07");

        EventEnvelope<AduanEvent> answered = write(
                new QuestionClosed(id, BANDUNG_ROADS, QuestionClosed.Reason.ANSWERED, Instant.parse("2026-03-27T02:00:00Z")));
        List<SlaClockResumed> resumed = awaitAll(id, SlaClockResumed.class, 2);
        assertThat(resumed).extracting(SlaClockResumed::kind).containsExactlyInAnyOrder(ClockKind.FOLLOW_UP, ClockKind.END_TO_END);
        assertThat(resumed).allSatisfy(clock -> {
            assertThat(clock.pausedWorkingDays()).isEqualTo(4);
            assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2026-04-06"));
            assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-04-06T17:00:00Z"));
        });

        TopicWriter.send(answered);
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);
        assertThat(sla.eventsAbout(id, Duration.ofSeconds(2)).stream().map(EventEnvelope::data)
                .filter(SlaClockResumed.class::isInstance)).hasSize(2);
        status(id).jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].state").isEqualTo("RUNNING")
                .jsonPath("$.clocks[?(@.kind == 'FOLLOW_UP')].dueDate").isEqualTo("2026-04-06")
                .jsonPath("$.clocks[?(@.kind == 'REPORTER_QUESTION')].state").isEqualTo("MET")
                .jsonPath("$.clocks[?(@.kind == 'REPORTER_QUESTION')].workingDaysUsed").isEqualTo(4);
    }

    @Test
    void aQuestionPastTheReportersTimeExpiresOnceAndNeverBreaches() {
        String id = disposed();
        write(new QuestionAsked(id, BANDUNG_ROADS, "Lajur kiri atau kanan?", Instant.parse("2026-03-16T03:00:00Z")));
        String question = awaitAll(id, SlaClockStarted.class, 4).stream()
                .filter(clock -> clock.kind() == ClockKind.REPORTER_QUESTION).findFirst().orElseThrow().clockId();
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);
        // The clock's events are published before it is stored: the sweep needs its deadline listed.
        Awaitility.await().atMost(WAIT).until(() -> Mono.from(database.getCollection(ClockStore.DEADLINES)
                .find(Filters.eq("_id", ClockStore.deadlineId(question, ClockStore.BREACH))).first()).block() != null);

        DeadlineSweep sweep = SettledSweep.of(database, publisher, settings);
        for (int i = 0; i < 5; i++) {
            sweep.sweep();
        }

        // One poll returns what one fetch brought: wait for the expiry itself, then look at everything seen.
        sla.awaitEvent(QuestionExpired.class, id, WAIT);
        List<EventEnvelope<?>> seen = sla.eventsAbout(id, Duration.ofSeconds(2));
        assertThat(seen.stream().map(EventEnvelope::data).filter(QuestionExpired.class::isInstance).map(QuestionExpired.class::cast))
                .singleElement().satisfies(expired -> {
                    assertThat(expired.clockId()).isEqualTo(question);
                    assertThat(expired.askedAt()).isEqualTo(Instant.parse("2026-03-16T03:00:00Z"));
                    assertThat(expired.expiredAt()).isEqualTo(Instant.parse("2026-04-07T17:00:00Z"));
                });
        // The paused clocks owe nothing while the question is open.
        assertThat(seen.stream().map(EventEnvelope::data).filter(SlaClockBreached.class::isInstance)).isEmpty();
    }

    /** Verified on Tuesday 3 March 2026 as needing no field examination (14 working days) and assigned to Bandung's roads. */
    private String disposed() {
        String id = ComplaintIds.next();
        write(Complaints.submitted(id, null, Instant.parse("2026-03-02T01:15:00Z")),
                new ComplaintAssigned(id, Destination.AGENCY, BANDUNG_ROADS, Instant.parse("2026-03-02T01:15:05Z")),
                new ComplaintVerified(id, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, "INFRA.ROAD", false, false,
                        Instant.parse("2026-03-03T02:00:00Z")));
        return id;
    }

    private static EventEnvelope<AduanEvent> write(AduanEvent... events) {
        EventEnvelope<AduanEvent> last = null;
        for (AduanEvent event : events) {
            last = Complaints.envelope(event);
            TopicWriter.send(last);
        }
        return last;
    }

    private <T> List<T> awaitAll(String id, Class<T> type, int count) {
        return Awaitility.await().atMost(WAIT).until(() -> sla.eventsAbout(id, Duration.ofMillis(300)).stream()
                .map(EventEnvelope::data).filter(type::isInstance).map(type::cast).toList(), list -> list.size() >= count);
    }

    private WebTestClient.BodyContentSpec status(String id) {
        return http.get().uri("/api/v1/complaints/{id}/sla", id).headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .exchange().expectStatus().isOk().expectBody();
    }
}
