package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Intake recorded a routing decision: from now on the complaint belongs to this agency (or waits in
 * the coordinators' queue), and only that agency may follow it up. A repeated identical decision
 * records nothing.
 *
 * @param agencyCode the assigned agency; null exactly when the destination is the coordinators' queue
 */
@CloudEventType(value = "aduan.complaint.assigned.v1", topic = Topic.COMPLAINTS)
public record ComplaintAssigned(
        String complaintId, ComplaintRouted.Destination destination, String agencyCode, Instant assignedAt)
        implements ComplaintEvent {

    public ComplaintAssigned {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(assignedAt, "assignedAt");
        if ((destination == ComplaintRouted.Destination.AGENCY) != (agencyCode != null)) {
            throw new IllegalArgumentException("agencyCode must be set exactly when the destination is AGENCY");
        }
    }

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
