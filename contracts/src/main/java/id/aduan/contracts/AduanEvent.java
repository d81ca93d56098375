package id.aduan.contracts;

import java.time.Instant;

/**
 * Every event Aduan's services exchange. The permitted records are the whole catalogue:
 * adding an event means adding it here, giving it a JSON Schema and documenting it in docs/events.md.
 */
public sealed interface AduanEvent permits ComplaintSubmitted, ComplaintVerified, ComplaintArchived, ComplaintDeferred,
        InformationSupplied, ComplaintAssigned, ComplaintFollowedUp, ComplaintMarkedComplete, ComplaintReopened,
        ComplaintCompleted, ComplaintRated, ComplaintRouted, SlaClockStarted, SlaClockStopped, SlaClockWarning,
        SlaClockBreached, ReporterWindowExpired {

    /** The tracking id of the complaint; the Kafka key and the CloudEvents subject. */
    String complaintId();

    /** When it happened in the world, which becomes the CloudEvents {@code time}. */
    Instant occurredAt();
}
