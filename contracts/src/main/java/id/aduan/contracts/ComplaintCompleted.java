package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/** The complaint is completed (selesai): the reporter was satisfied, or did not answer in time. */
@CloudEventType(value = "aduan.complaint.completed.v1", topic = Topic.COMPLAINTS)
public record ComplaintCompleted(String complaintId, Reason reason, Instant completedAt) implements ComplaintEvent {

    public enum Reason {
        REPORTER_SATISFIED,
        /** The reporter's window to answer the agency's completion passed without an answer. */
        REPORTER_WINDOW_EXPIRED
    }

    public ComplaintCompleted {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
