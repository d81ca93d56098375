package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.tracking.Tracking;
import id.aduan.intake.tracking.Tracking.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRequestTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T01:15:00Z");
    private static final Instant ASSIGNED = Instant.parse("2026-03-03T02:00:00Z");

    private static Tracking complaint(ComplaintStatus status, List<Step> timeline) {
        return new Tracking("ADU-3F7KQ9M2XD", status, "Jalan berlubang", "Lubang besar.", "INFRA.ROAD", "32.73.01",
                -6.9175, 107.6191, "Jl. Merdeka 12", "OPEN311", SUBMITTED, "COMPLAINT", false, false, "32.73.DPUPR",
                null, null, timeline);
    }

    @Test
    void aComplaintInProcessIsAnOpenRequestWithItsLatestStepAsNotes() {
        ServiceRequest request = ServiceRequest.of(complaint(ComplaintStatus.VERIFIED, List.of(
                new Step("SUBMITTED", SUBMITTED, "Laporan diterima melalui kanal OPEN311.", null, null),
                new Step("ASSIGNED", ASSIGNED, "Diteruskan ke instansi 32.73.DPUPR.", "32.73.DPUPR", null))));

        assertThat(request).isEqualTo(new ServiceRequest("ADU-3F7KQ9M2XD", "open", "Diteruskan ke instansi 32.73.DPUPR.",
                "Jalan", "INFRA.ROAD", "Lubang besar.", "32.73.DPUPR", SUBMITTED, ASSIGNED, null, "Jl. Merdeka 12",
                -6.9175, 107.6191));
    }

    @Test
    void completedAndArchivedComplaintsAreClosed() {
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.COMPLETED, List.of())).status()).isEqualTo("closed");
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.ARCHIVED, List.of())).status()).isEqualTo("closed");
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.AWAITING_REPORTER, List.of())).status()).isEqualTo("open");
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.COMPLETED, List.of())).updatedDatetime()).isEqualTo(SUBMITTED);
    }
}
