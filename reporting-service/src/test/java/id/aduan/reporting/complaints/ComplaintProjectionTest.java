package id.aduan.reporting.complaints;

import id.aduan.testkit.Complaints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.ReporterWindowExpired;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Location;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ComplaintProjectionTest {

    private static final String ID = "ADU-3F7KQ9M2XD";
    private static final Instant SUBMITTED = Instant.parse("2025-03-03T02:00:00Z");
    private static final Instant ROUTED = Instant.parse("2025-03-03T02:00:05Z");

    @Test
    void aSubmissionSetsWhereAndHowTheComplaintCameInVersionedByItsSubmissionTime() {
        ComplaintChange change = ComplaintProjection.changeFor(new ComplaintSubmitted(ID, Channel.WHATSAPP, "Jalan berlubang",
                "Lubang besar sejak dua minggu.", "INFRA.ROAD", Location.of("32.73.01"), "32.73.DPUPR",
                SUBMITTED.minusSeconds(60), SUBMITTED, false, false, "rep-1"));

        assertThat(change.complaintId()).isEqualTo(ID);
        assertThat(change.versionField()).isEqualTo("submittedAt");
        assertThat(change.fields()).isEqualTo(Map.of(
                "channel", "WHATSAPP",
                "categoryCode", "INFRA.ROAD",
                "regionCode", "32.73.01",
                "submittedAt", Date.from(SUBMITTED)));
    }

    @Test
    void aRoutingToAnAgencySetsTheDestinationAndAgencyVersionedByItsRoutingTime() {
        ComplaintChange change = ComplaintProjection.changeFor(Complaints.routed(ID, "32.73.DPUPR", ROUTED));

        assertThat(change.versionField()).isEqualTo("routedAt");
        assertThat(change.version()).isEqualTo(Date.from(ROUTED));
        assertThat(change.fields()).isEqualTo(Map.of(
                "destination", "AGENCY", "agencyCode", "32.73.DPUPR", "routedAt", Date.from(ROUTED)));
    }

    @Test
    void aRoutingToTheCoordinatorsQueueClearsAnyEarlierAgency() {
        ComplaintChange change = ComplaintProjection.changeFor(Complaints.routed(ID, null, ROUTED));

        assertThat(change.fields()).containsEntry("destination", "COORDINATORS_QUEUE").containsEntry("agencyCode", null);
    }

    @Test
    void aClockIsKeptUnderItsKindWithItsDueDateAsAnIsoDate() {
        ComplaintChange change = ComplaintProjection.changeFor(new SlaClockStarted(ID, "clock-1", ClockKind.VERIFICATION,
                null, "Asia/Jakarta", ROUTED, 3, LocalDate.parse("2025-03-06"), Instant.parse("2025-03-06T17:00:00Z")));

        assertThat(change.versionField()).isEqualTo("clocks.VERIFICATION.startedAt");
        assertThat(change.fields())
                .containsEntry("clocks.VERIFICATION.clockId", "clock-1")
                .containsEntry("clocks.VERIFICATION.agencyCode", null)
                .containsEntry("clocks.VERIFICATION.zone", "Asia/Jakarta")
                .containsEntry("clocks.VERIFICATION.startedAt", Date.from(ROUTED))
                .containsEntry("clocks.VERIFICATION.workingDays", 3)
                .containsEntry("clocks.VERIFICATION.dueDate", "2025-03-06")
                .containsEntry("clocks.VERIFICATION.dueAt", Date.from(Instant.parse("2025-03-06T17:00:00Z")))
                .hasSize(7);
    }

    @Test
    void lifecycleEventsTheReportsDoNotUseYetChangeNothing() {
        assertThat(ComplaintProjection.changeFor(new ComplaintVerified(ID, Classification.ASPIRATION, "INFRA.ROAD",
                false, false, ROUTED))).isNull();
        assertThat(ComplaintProjection.changeFor(new ReporterWindowExpired(ID, "clock-9", ROUTED))).isNull();
        StepVerifier.create(new ComplaintProjection(null).handle(new EventEnvelope<>("evt-1", "/aduan/intake-service",
                new ComplaintRated(ID, 5, ROUTED)))).verifyComplete();
    }

    @Test
    void aChangeWithoutItsVersionIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> new ComplaintChange(ID, "routedAt", Map.of("destination", "AGENCY")));
    }
}
