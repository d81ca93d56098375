package id.aduan.intake.archive;

import id.aduan.contracts.ComplaintArchived;
import id.aduan.intake.complaint.ArchiveComplaint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST /api/v1/complaints/{id}/archive}. */
public record ArchiveRequest(@NotNull ComplaintArchived.Reason reason, @Size(min = 1, max = 2000) String note) {

    ArchiveComplaint toCommand(String complaintId, Instant now) {
        return new ArchiveComplaint(complaintId, reason, note, now);
    }
}
