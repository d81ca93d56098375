package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.tracking.Tracking;
import id.aduan.intake.tracking.Tracking.Step;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRequestTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T01:15:00Z");
    private static final Instant ASSIGNED = Instant.parse("2026-03-03T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-20T09:00:00Z");
    private static final Open311Settings SETTINGS = new Open311Settings("lapor.go.id", URI.create("http://localhost:8080"),
            "contact", "keys", Instant.parse("2026-12-06T00:00:00Z"), "production");

    private static Tracking complaint(ComplaintStatus status, List<Step> timeline) {
        return new Tracking("ADU-3F7KQ9M2XD", status, "Jalan berlubang", "Lubang besar.", "INFRA.ROAD", "32.73.01",
                -6.9175, 107.6191, "Jl. Merdeka 12", "OPEN311", SUBMITTED, "COMPLAINT", false, false, "32.73.DPUPR",
                null, null, timeline);
    }

    @Test
    void aComplaintInProcessIsAnOpenRequestWithItsLatestStepAsNotes() {
        ServiceRequest request = ServiceRequest.of(complaint(ComplaintStatus.VERIFIED, List.of(
                new Step("SUBMITTED", SUBMITTED, "Laporan diterima melalui kanal OPEN311.", null, null, null, null,
                        List.of(new Attachment("att-1", "jalan.png", "image/png", 10, "ab"),
                                new Attachment("att-2", "jalan2.png", "image/png", 10, "cd"))),
                new Step("ASSIGNED", ASSIGNED, "Diteruskan ke instansi 32.73.DPUPR.", "32.73.DPUPR", null))), DUE, SETTINGS);

        assertThat(request).isEqualTo(new ServiceRequest("ADU-3F7KQ9M2XD", "open", "Diteruskan ke instansi 32.73.DPUPR.",
                "Jalan", "INFRA.ROAD", "Lubang besar.", "32.73.DPUPR", SUBMITTED, ASSIGNED, DUE, "Jl. Merdeka 12",
                -6.9175, 107.6191, "http://localhost:8080/api/v1/complaints/ADU-3F7KQ9M2XD/attachments/att-1"));
    }

    @Test
    void completedAndArchivedComplaintsAreClosed() {
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.COMPLETED, List.of()), null, SETTINGS).status()).isEqualTo("closed");
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.ARCHIVED, List.of()), null, SETTINGS).status()).isEqualTo("closed");
        assertThat(ServiceRequest.of(complaint(ComplaintStatus.AWAITING_REPORTER, List.of()), null, SETTINGS).status())
                .isEqualTo("open");
        ServiceRequest completed = ServiceRequest.of(complaint(ComplaintStatus.COMPLETED, List.of()), null, SETTINGS);
        assertThat(completed.updatedDatetime()).isEqualTo(SUBMITTED);
        assertThat(completed.expectedDatetime()).isNull();
        assertThat(completed.mediaUrl()).isNull();
    }
}
