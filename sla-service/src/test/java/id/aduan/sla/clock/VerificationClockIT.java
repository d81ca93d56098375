package id.aduan.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Location;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@AduanServiceTest
class VerificationClockIT {

    @Test
    void aSubmittedComplaintStartsTheCoordinatorsThreeWorkingDayClock() {
        String complaintId = ComplaintIds.next();
        // Friday 2026-03-06, 10:00 in Jakarta.
        Instant submittedAt = Instant.parse("2026-03-06T03:00:00Z");
        TopicWriter.send(Complaints.envelope(Complaints.submitted(complaintId, null, submittedAt)));

        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            SlaClockStarted clock = sla.awaitEvent(SlaClockStarted.class, complaintId, Duration.ofSeconds(30)).data();
            assertThat(clock.kind()).isEqualTo(ClockKind.VERIFICATION);
            assertThat(clock.agencyCode()).isNull();
            assertThat(clock.zone()).isEqualTo("Asia/Jakarta");
            assertThat(clock.startedAt()).isEqualTo(submittedAt);
            assertThat(clock.workingDays()).isEqualTo(3);
            assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2026-03-11"));
            assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-11T17:00:00Z"));
        }
    }

    @Test
    void aWhatsAppMessageTypedInTwoWeeksLateIsAlreadyLateForTheCoordinators() {
        String complaintId = ComplaintIds.next();
        Instant entered = Instant.now();
        Instant sent = entered.minus(Duration.ofDays(14));
        ComplaintSubmitted typedIn = new ComplaintSubmitted(complaintId, Channel.WHATSAPP, "Pungutan liar di kelurahan",
                "Warga diminta membayar surat pengantar.", "CIVIL_SERVICE", Location.of("32.73.01"), null, sent, entered,
                false, false, null);

        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            TopicWriter.send(Complaints.envelope(typedIn));
            SlaClockStarted clock = sla.awaitEvent(SlaClockStarted.class, complaintId, Duration.ofSeconds(30)).data();
            assertThat(clock.startedAt()).isEqualTo(sent);
            assertThat(clock.dueAt()).isBefore(entered);
            SlaClockBreached breach = sla.awaitEvent(SlaClockBreached.class, complaintId, Duration.ofSeconds(30)).data();
            assertThat(breach.clockId()).isEqualTo(clock.clockId());
        }
    }
}
