package id.aduan.routing.subscription.feed;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.MongoErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every agency's feed of routing events, in routing's {@code agency-feed} collection: what the agency
 * topics, the event streams and the webhooks deliver. Each agency's entries are numbered 1, 2, 3...
 * without gaps. An entry's id is the agency and the event id, so an event is appended to a feed at
 * most once however often it is redelivered; its number is the feed's last plus one, and a unique
 * index on (agency, number) makes two instances racing for the same number retry, not overwrite.
 * Because number n+1 can only be written once n is, a reader that sees a gap knows it read while
 * an append was landing, and stops there rather than skip it.
 *
 * <p>Every access is a point read or write (docs/routing.md, "Hot path"): the last number is found
 * from a hint kept per agency in {@code agency-feed-heads}, which only ever lags, then checked by
 * looking up the numbers after it; entries are read by their {@code position} ("agency/number",
 * unique) with {@code $in}, never by a range.
 */
@Component
public class AgencyFeed {

    static final String COLLECTION = "agency-feed";
    private static final int MAX_RACES = 100;
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Stored> entries;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> migrations;
    private final Clock clock;

    AgencyFeed(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(COLLECTION, Stored.class);
        this.heads = database.getCollection("agency-feed-heads");
        this.migrations = database.getCollection("migrations");
        this.clock = clock;
        // Before the first append: the numbering relies on it.
        Mono.from(entries.createIndex(Indexes.ascending(Stored.AGENCY_CODE, Stored.SEQUENCE), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
        // Sparse: entries appended before positions were stored have none until backfilled below.
        Mono.from(entries.createIndex(Indexes.ascending(Stored.POSITION), new IndexOptions().unique(true).sparse(true)))
                .block(INDEX_TIMEOUT);
        backfillPositions().block(INDEX_TIMEOUT);
    }

    /** Appends the event to the agency's feed unless it is there already; returns its number either way. */
    public Mono<Long> append(String agencyCode, EventEnvelope<?> envelope, String cloudEvent) {
        String id = agencyCode + "/" + envelope.id();
        return sequenceOf(id).switchIfEmpty(Mono.defer(() -> insertNext(id, agencyCode, envelope, cloudEvent))
                .retryWhen(Retry.max(MAX_RACES).filter(NumberTaken.class::isInstance)));
    }

    private Mono<Long> insertNext(String id, String agencyCode, EventEnvelope<?> envelope, String cloudEvent) {
        return head(agencyCode).flatMap(last -> {
            long next = last + 1;
            Stored entry = new Stored(id, agencyCode, next, position(agencyCode, next), envelope.id(), envelope.type(),
                    envelope.subject(), cloudEvent, clock.instant());
            return Mono.from(entries.insertOne(entry))
                    .then(Mono.from(heads.updateOne(Filters.eq("_id", agencyCode), Updates.max(Stored.SEQUENCE, next),
                            new UpdateOptions().upsert(true))))
                    .thenReturn(next)
                    // Either this event was appended meanwhile (by a redelivery elsewhere), or another event took the number.
                    .onErrorResume(MongoErrors::isDuplicateKey, e -> sequenceOf(id).switchIfEmpty(Mono.error(new NumberTaken())));
        });
    }

    /** The agency's entries after this number, in order, up to {@code limit}, stopping short of any gap. */
    public Flux<FeedEntry> after(String agencyCode, long sequence, int limit) {
        List<String> positions = LongStream.rangeClosed(sequence + 1, sequence + limit)
                .mapToObj(number -> position(agencyCode, number)).toList();
        AtomicLong expected = new AtomicLong(sequence + 1);
        return Flux.from(entries.find(Filters.in(Stored.POSITION, positions)))
                .map(Stored::feedEntry)
                .sort(Comparator.comparingLong(FeedEntry::sequence))
                .takeWhile(entry -> entry.sequence() == expected.getAndIncrement());
    }

    /** The number of the agency's last entry; 0 for an empty feed. */
    public Mono<Long> head(String agencyCode) {
        return Mono.from(heads.find(Filters.eq("_id", agencyCode)).first())
                .map(hint -> hint.getLong(Stored.SEQUENCE))
                .defaultIfEmpty(0L)
                // The hint lags when an append stopped between its entry and the hint: walk on to the last entry.
                .expand(last -> Mono.from(entries.find(Filters.eq(Stored.POSITION, position(agencyCode, last + 1))).first())
                        .map(entry -> last + 1))
                .last();
    }

    private Mono<Long> sequenceOf(String id) {
        return Mono.from(entries.find(Filters.eq("_id", id)).first()).map(Stored::sequence);
    }

    private static String position(String agencyCode, long sequence) {
        return agencyCode + "/" + sequence;
    }

    /**
     * Gives entries appended before positions were stored theirs, and their agencies a hint: one
     * pass over the feed, once per database (remembered in {@code migrations}), never per event.
     */
    private Mono<Void> backfillPositions() {
        Document done = new Document("_id", "agency-feed-positions");
        return Mono.from(migrations.find(done).first())
                .switchIfEmpty(Flux.from(entries.find(Filters.exists(Stored.POSITION, false)))
                        .concatMap(entry -> Mono.from(entries.updateOne(Filters.eq("_id", entry.id()),
                                        Updates.set(Stored.POSITION, position(entry.agencyCode(), entry.sequence()))))
                                .then(Mono.from(heads.updateOne(Filters.eq("_id", entry.agencyCode()),
                                        Updates.max(Stored.SEQUENCE, entry.sequence()), new UpdateOptions().upsert(true)))))
                        .then(Mono.from(migrations.insertOne(done.append("at", Date.from(clock.instant())))))
                        .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                        .then(Mono.empty()))
                .then();
    }

    /**
     * An entry as stored, under "agency/event id": its number a 64-bit integer and appendedAt a BSON date,
     * as before; entries appended before positions were stored have none until backfilled. The head hints in
     * {@code agency-feed-heads} keep the same {@value #SEQUENCE} field, raised with {@code $max}.
     * Public, as the driver's record codec requires.
     */
    public record Stored(@BsonId String id, @BsonProperty(AGENCY_CODE) String agencyCode, @BsonProperty(SEQUENCE) long sequence,
            @BsonProperty(POSITION) String position, String eventId, String type, String complaintId, String cloudEvent,
            Instant appendedAt) {

        static final String AGENCY_CODE = "agencyCode";
        static final String SEQUENCE = "sequence";
        static final String POSITION = "position";

        FeedEntry feedEntry() {
            return new FeedEntry(agencyCode, sequence, eventId, type, complaintId, cloudEvent, appendedAt);
        }
    }

    /** Another event took the number this append tried; it tries the next. */
    private static final class NumberTaken extends RuntimeException {
        NumberTaken() {
            super(null, null, false, false);
        }
    }
}
