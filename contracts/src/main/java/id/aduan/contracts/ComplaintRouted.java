package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Routing assigned the complaint (disposisi): to an agency, or to the national coordinators' queue
 * when no agency could be determined. Every decision names the rule that made it.
 *
 * @param agencyCode the assigned agency; null exactly when the destination is the coordinators' queue
 * @param rule the id of the rule that decided
 * @param explanation why, in words a coordinator can check
 */
@CloudEventType(value = "aduan.complaint.routed.v1", topic = Topic.ROUTING)
public record ComplaintRouted(
        String complaintId,
        Destination destination,
        String agencyCode,
        String rule,
        String explanation,
        Instant routedAt) implements AduanEvent {

    public enum Destination {
        AGENCY,
        COORDINATORS_QUEUE
    }

    public ComplaintRouted {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(routedAt, "routedAt");
        if ((destination == Destination.AGENCY) != (agencyCode != null)) {
            throw new IllegalArgumentException("agencyCode must be set exactly when the destination is AGENCY");
        }
    }

    @Override
    public Instant occurredAt() {
        return routedAt;
    }
}
