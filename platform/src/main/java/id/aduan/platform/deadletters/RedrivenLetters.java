package id.aduan.platform.deadletters;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoErrors;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** The dead letters a coordinator re-drove, one document per event id (point reads and writes on {@code _id}). */
final class RedrivenLetters {

    private final MongoCollection<Document> redriven;

    RedrivenLetters(MongoDatabase database) {
        this.redriven = database.getCollection("redriven-dead-letters");
    }

    Mono<Instant> redrivenAt(String eventId) {
        return Mono.from(redriven.find(new Document("_id", eventId)).first())
                .map(document -> document.getDate("redrivenAt").toInstant());
    }

    /** The first re-drive stays the record: a second one changed nothing. */
    Mono<Void> record(String eventId, String type, String by, Instant at) {
        Document entry = new Document("_id", eventId).append("type", type).append("redrivenBy", by)
                .append("redrivenAt", Date.from(at));
        return Mono.from(redriven.insertOne(entry)).onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty()).then();
    }
}
