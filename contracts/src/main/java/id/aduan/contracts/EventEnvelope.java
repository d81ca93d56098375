package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as it travels: the CloudEvents 1.0 attributes around the event record.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param source the producing service, as a URI reference such as {@code /aduan/intake-service}
 */
public record EventEnvelope<T extends AduanEvent>(String id, String source, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    public EventDescriptor<T> descriptor() {
        return EventCatalog.of(data);
    }

    public String type() {
        return descriptor().type();
    }

    /** The CloudEvents subject and the Kafka key. */
    public String subject() {
        return data.subject();
    }

    public Instant time() {
        return data.occurredAt();
    }
}
