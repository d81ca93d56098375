package id.aduan.contracts;

import java.time.Instant;

/**
 * Every event Aduan's services exchange. The records these interfaces permit are the whole catalogue:
 * adding an event means adding it here or to {@link ComplaintEvent}, giving it a JSON Schema and
 * documenting it in docs/events.md.
 */
public sealed interface AduanEvent permits ComplaintEvent, CompetenceRulesChanged, CalendarChanged {

    /** What the event is about: the CloudEvents subject and the Kafka key, so that its order holds per subject. */
    String subject();

    /** When it happened in the world, which becomes the CloudEvents {@code time}. */
    Instant occurredAt();
}
