package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator deferred verification (ditunda) to ask the reporter for more information.
 *
 * @param question what the reporter is asked
 */
@CloudEventType(value = "aduan.complaint.deferred.v1", topic = Topic.COMPLAINTS)
public record ComplaintDeferred(String complaintId, String question, Instant deferredAt) implements ComplaintEvent {

    public ComplaintDeferred {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deferredAt, "deferredAt");
    }

    @Override
    public Instant occurredAt() {
        return deferredAt;
    }
}
