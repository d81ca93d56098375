package id.aduan.sla.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.contracts.Topic;
import id.aduan.sla.SlaApplication;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.clock.ClockRules;
import id.aduan.sla.clock.ComplaintClocks;
import id.aduan.sla.clock.SlaClock;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.AnotherInstance;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two sla-service instances side by side, as in production: one consumer group sharing the
 * partitions, two sweeps over one database, and calendar changes made through either.
 */
@AduanServiceTest
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ClockRules rules;
    @Autowired
    Calendars calendars;
    @Autowired
    WebTestClient http;

    private AnotherInstance second;
    private TopicWatcher sla;

    @BeforeEach
    void startTheSecondInstance() {
        second = AnotherInstance.start(SlaApplication.class,
                Map.of("aduan.sla.sweep.interval", "300ms", "aduan.sla.calendar-refresh", "300ms"));
        sla = TopicWatcher.watch(Topic.SLA);
    }

    @AfterEach
    void stopIt() {
        sla.close();
        second.close();
    }

    @Test
    void eachWarningAndBreachIsPublishedOnceWhileBothInstancesSweep() {
        Instant now = Instant.now();
        List<String> breaching = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String late = ComplaintIds.next();
            TopicWriter.send(Complaints.envelope(Complaints.submitted(late, null, now.minus(Duration.ofDays(20)))));
            breaching.add(late);
            String nearlyDue = ComplaintIds.next();
            TopicWriter.send(Complaints.envelope(Complaints.submitted(nearlyDue, null, startInWarningNow(nearlyDue, now))));
            warned.add(nearlyDue);
        }
        ConsumerGroups.awaitCaughtUp("sla-service", WAIT, Topic.COMPLAINTS);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counts(SlaClockBreached.class)).containsKeys(breaching.toArray(String[]::new));
            assertThat(counts(SlaClockWarning.class)).containsKeys(warned.toArray(String[]::new));
        });
        // Several more sweeps of each instance pass: still exactly one of each, and one clock per complaint.
        await().pollDelay(Duration.ofSeconds(6)).atMost(WAIT).until(() -> true);
        Map<String, Long> breaches = counts(SlaClockBreached.class);
        Map<String, Long> warnings = counts(SlaClockWarning.class);
        Map<String, Long> starts = counts(SlaClockStarted.class);
        breaching.forEach(id -> assertThat(breaches.get(id)).as(id).isEqualTo(1L));
        warned.forEach(id -> assertThat(warnings.get(id)).as(id).isEqualTo(1L));
        breaching.forEach(id -> assertThat(starts.get(id)).as(id).isEqualTo(1L));
        warned.forEach(id -> assertThat(starts.get(id)).as(id).isEqualTo(1L));
    }

    @Test
    void aCalendarChangeMadeThroughOneInstanceReachesTheOther() {
        LocalDate day = LocalDate.parse("2032-02-03");
        http.post().uri("/api/v1/sla/calendar/changes").headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"declare":[{"date":"2032-02-03","kind":"HOLIDAY","name":"Hari libur uji"}],"reason":"two instances"}""")
                .exchange().expectStatus().isCreated();
        assertThat(calendars.current().forCoordinators().isWorkingDay(day)).isFalse();
        await().atMost(WAIT).until(() -> !second.bean(Calendars.class).current().forCoordinators().isWorkingDay(day));
    }

    /** A start whose 3-day verification clock has warned but is not yet due, found by the rules themselves. */
    private Instant startInWarningNow(String id, Instant now) {
        for (int hoursBack = 1; hoursBack < 24 * 14; hoursBack++) {
            Instant start = now.minus(Duration.ofHours(hoursBack));
            SlaClock clock = rules.apply(ComplaintClocks.none(id), "probe", Complaints.submitted(id, null, start)).started().get(0);
            if (clock.warnAt() != null && clock.warnAt().isBefore(now.minusSeconds(5)) && clock.dueAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
                return start;
            }
        }
        throw new IllegalStateException("no start puts a clock in its warning period now");
    }

    /** Events of this type on the topic so far, counted per complaint. */
    private Map<String, Long> counts(Class<?> type) {
        return sla.events(Duration.ofMillis(300)).stream().filter(envelope -> type.isInstance(envelope.data()))
                .collect(Collectors.groupingBy(EventEnvelope::subject, Collectors.counting()));
    }
}
