package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator archived the complaint instead of verifying it; nothing more happens to it.
 *
 * @param note the coordinator's explanation, or null
 */
@CloudEventType(value = "aduan.complaint.archived.v1", topic = Topic.COMPLAINTS)
public record ComplaintArchived(String complaintId, Reason reason, String note, Instant archivedAt) implements ComplaintEvent {

    public enum Reason {
        /** Too little to act on, and the reporter did not complete it. */
        INCOMPLETE,
        /** Outside what Aduan handles. */
        OUT_OF_SCOPE,
        /** Another complaint already reports the same thing. */
        DUPLICATE,
        /** Not about a public service. */
        NOT_PUBLIC_SERVICE,
        OTHER
    }

    public ComplaintArchived {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(archivedAt, "archivedAt");
    }

    @Override
    public Instant occurredAt() {
        return archivedAt;
    }
}
