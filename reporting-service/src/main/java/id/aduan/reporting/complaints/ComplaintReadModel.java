package id.aduan.reporting.complaints;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.facet;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.not;

import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.platform.MongoErrors;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code complaints} collection: one document per complaint, its {@code _id} the tracking id,
 * holding what each event about it contributed (see {@link ComplaintProjection}), and the figures
 * computed from it. Queries stay within what both MongoDB and the embedded stand-in support.
 */
@Component
class ComplaintReadModel {

    /** Only complaints whose submission has arrived are counted; an earlier routing or clock waits for it. */
    private static final Bson SUBMITTED = exists("submittedAt");

    private final MongoCollection<Document> complaints;

    ComplaintReadModel(MongoDatabase database) {
        this.complaints = database.getCollection("complaints");
    }

    /** The agency report selects by agency; real MongoDB uses the index, the stand-in ignores it. */
    @PostConstruct
    void createIndexes() {
        Mono.from(complaints.createIndex(Indexes.ascending("agencyCode"))).block(Duration.ofSeconds(30));
    }

    Mono<Void> apply(ComplaintChange change) {
        Bson newerThanStored = and(eq("_id", change.complaintId()), not(gte(change.versionField(), change.version())));
        Bson update = new Document("$set", new Document(change.fields()));
        return Mono.from(complaints.updateOne(newerThanStored, update, new UpdateOptions().upsert(true)))
                // When the document exists but holds these fields at this version or newer, the filter misses and
                // the upsert tries to insert a second document with the same id. That, or a concurrent event having
                // just created the document, is settled by the same update without upsert.
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.from(complaints.updateOne(newerThanStored, update)))
                .then();
    }

    Mono<NationalFigures> national() {
        Bson pipeline = facet(
                new Facet("byDestination", group("$destination", sum("count", 1))),
                new Facet("byChannel", group("$channel", sum("count", 1))),
                new Facet("agencies",
                        match(eq("destination", Destination.AGENCY.name())),
                        group("$agencyCode"),
                        group(null, sum("count", 1))));
        return Mono.from(complaints.aggregate(List.of(match(SUBMITTED), pipeline)).first())
                .map(ComplaintReadModel::nationalFigures);
    }

    Mono<AgencyFigures> agency(String agencyCode) {
        List<Bson> pipeline = List.of(
                match(and(eq("agencyCode", agencyCode), SUBMITTED)),
                group("$channel", sum("count", 1)));
        return Flux.from(complaints.aggregate(pipeline)).collectList()
                .map(channels -> {
                    Map<Channel, Long> byChannel = byChannel(channels);
                    return new AgencyFigures(agencyCode, total(byChannel.values()), byChannel);
                });
    }

    private static NationalFigures nationalFigures(Document facets) {
        // Grouped by destination, complaints not routed yet fall under the null key.
        Map<String, Long> byDestination = new HashMap<>();
        facets.getList("byDestination", Document.class)
                .forEach(group -> byDestination.put(group.getString("_id"), count(group)));
        long agencies = facets.getList("agencies", Document.class).stream().mapToLong(ComplaintReadModel::count).sum();
        return new NationalFigures(
                total(byDestination.values()),
                byDestination.getOrDefault(Destination.AGENCY.name(), 0L),
                byDestination.getOrDefault(Destination.COORDINATORS_QUEUE.name(), 0L),
                byDestination.getOrDefault(null, 0L),
                agencies,
                byChannel(facets.getList("byChannel", Document.class)));
    }

    /** Every channel, with zero where no complaint came through it, so the shape of a report never changes. */
    private static Map<Channel, Long> byChannel(List<Document> groups) {
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(channel -> byChannel.put(channel, 0L));
        groups.forEach(group -> byChannel.put(Channel.valueOf(group.getString("_id")), count(group)));
        return Collections.unmodifiableMap(byChannel);
    }

    /** {@code $sum} answers an int or a long depending on the size of the count. */
    private static long count(Document group) {
        return group.get("count", Number.class).longValue();
    }

    private static long total(Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
