package id.aduan.platform.events;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.MongoErrors;
import java.time.Clock;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import reactor.core.publisher.Mono;

/** The ids of the events a service has handled, so that a redelivered event changes nothing. */
public final class Inbox {

    static final String COLLECTION = "inbox";

    private final MongoCollection<Handled> handled;
    private final Clock clock;

    public Inbox(MongoDatabase database, Clock clock) {
        this.handled = database.getCollection(COLLECTION, Handled.class);
        this.clock = clock;
    }

    public Mono<Boolean> contains(String eventId) {
        return Mono.from(handled.find(Filters.eq("_id", eventId)).first()).hasElement();
    }

    public Mono<Void> record(EventEnvelope<?> envelope) {
        return Mono.from(handled.insertOne(new Handled(envelope.id(), envelope.type(), envelope.subject(), clock.instant())))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then();
    }

    /**
     * A handled event as stored: its id as {@code _id}, its type and subject, and when it was handled
     * (a BSON date, as before). Public, as the driver's record codec requires.
     */
    public record Handled(@BsonId String eventId, String type, String subject, Instant handledAt) {
    }
}
