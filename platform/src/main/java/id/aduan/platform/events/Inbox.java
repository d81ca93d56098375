package id.aduan.platform.events;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.MongoErrors;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** The ids of the events a service has handled, so that a redelivered event changes nothing. */
public final class Inbox {

    private final MongoCollection<Document> handled;
    private final Clock clock;

    public Inbox(MongoDatabase database, Clock clock) {
        this.handled = database.getCollection("inbox");
        this.clock = clock;
    }

    public Mono<Boolean> contains(String eventId) {
        return Mono.from(handled.find(new Document("_id", eventId)).first()).hasElement();
    }

    public Mono<Void> record(EventEnvelope<?> envelope) {
        Document entry = new Document("_id", envelope.id())
                .append("type", envelope.type())
                .append("subject", envelope.subject())
                .append("handledAt", Date.from(clock.instant()));
        return Mono.from(handled.insertOne(entry))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then();
    }
}
