package id.aduan.intake.reporter;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.reporter.ReporterKeys.KeyEntry;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.MongoErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Crypto-shredding: erasing a reporter deletes their key, and with it every copy of their identity,
 * in the immutable event store too, becomes noise. The key of one complaint's reporterRef is erased
 * together with every other key of the same person (keys sharing an identifier lookup, which two
 * first complaints submitted at the same moment can leave). The erasure is recorded first, then the
 * keys deleted, so a request repeated after a crash finishes the job and answers the same.
 */
@Component
class ReporterErasures {

    static final String COLLECTION = "reporter-erasures";
    /** Every reporterRef of the erased keys, so that a repeated request by any of them answers the same. */
    static final String REFS = "refs";
    /** Keys of one person are linked through shared identifiers; a chain longer than this is not followed. */
    private static final int MAX_LINKS = 10;

    private final ReporterKeys keys;
    private final IdentityLookups lookups;
    private final MongoCollection<Recorded> erasures;

    ReporterErasures(ReporterKeys keys, IdentityLookups lookups, MongoDatabase database) {
        this.keys = keys;
        this.lookups = lookups;
        this.erasures = database.getCollection(COLLECTION, Recorded.class);
    }

    /** Erasures are looked up by any of their refs; rare, but real MongoDB need not scan for it. */
    static Mono<Void> createIndexes(MongoDatabase database) {
        return Mono.from(database.getCollection(COLLECTION).createIndex(Indexes.ascending(REFS))).then();
    }

    /** The erasure, done now or before; empty when no complaint has this reporterRef. */
    Mono<Erasure> erase(String reporterRef, ErasureRequest request, String coordinator, Instant now) {
        return keys.findByRef(reporterRef)
                .flatMap(key -> samePerson(key).flatMap(linked -> erase(reporterRef, key, linked, request, coordinator, now)))
                .switchIfEmpty(Mono.defer(() -> Mono.from(erasures.find(Filters.eq(REFS, reporterRef)).first()).map(Recorded::erasure)));
    }

    private Mono<Erasure> erase(String reporterRef, KeyEntry key, Collection<KeyEntry> linked, ErasureRequest request,
            String coordinator, Instant now) {
        Set<String> identifiers = new HashSet<>();
        linked.forEach(entry -> identifiers.addAll(entry.lookups()));
        if (lookups.inText(request.verification()).stream().anyMatch(identifiers::contains)) {
            return Mono.error(new RejectedInput(HttpStatus.UNPROCESSABLE_ENTITY, "verification",
                    "must say how the request was verified without the reporter's email, phone, NIK or handle"));
        }
        List<String> ids = linked.stream().map(KeyEntry::id).toList();
        List<String> refs = linked.stream().flatMap(entry -> entry.refs().stream()).distinct().toList();
        Erasure erasure = new Erasure(reporterRef, Erasure.ERASED, refs.size(), coordinator, now, request.requestedAt(),
                request.verification());
        return Mono.from(erasures.insertOne(Recorded.of(key.id(), ids, refs, erasure))).thenReturn(erasure)
                .onErrorResume(MongoErrors::isDuplicateKey, recordedBefore ->
                        Mono.from(erasures.find(Filters.eq("_id", key.id())).first()).map(Recorded::erasure))
                .flatMap(recorded -> keys.delete(ids, List.copyOf(identifiers)).thenReturn(recorded));
    }

    /** The key and every key linked to it through shared identifier lookups. */
    private Mono<Collection<KeyEntry>> samePerson(KeyEntry key) {
        Map<String, KeyEntry> found = new LinkedHashMap<>(Map.of(key.id(), key));
        return Flux.range(0, MAX_LINKS)
                .concatMap(round -> {
                    List<String> known = new ArrayList<>();
                    found.values().forEach(entry -> known.addAll(entry.lookups()));
                    int before = found.size();
                    return keys.sharingLookups(known).doOnNext(entry -> found.putIfAbsent(entry.id(), entry))
                            .then(Mono.fromSupplier(() -> found.size() > before));
                })
                .takeUntil(grew -> !grew)
                .then(Mono.fromSupplier(found::values));
    }

    /**
     * An erasure as stored, under the id of the key it was asked for, with every key and reporterRef it
     * erased; its instants as ISO text, as before. Public, as the driver's record codec requires.
     */
    public record Recorded(@BsonId String keyId, String reporterRef, List<String> keys, @BsonProperty(REFS) List<String> refs,
            int complaints, String erasedBy, String erasedAt, String requestedAt, String verification) {

        static Recorded of(String keyId, List<String> keys, List<String> refs, Erasure erasure) {
            return new Recorded(keyId, erasure.reporterRef(), keys, refs, erasure.complaints(), erasure.erasedBy(),
                    erasure.erasedAt().toString(), erasure.requestedAt().toString(), erasure.verification());
        }

        Erasure erasure() {
            return new Erasure(reporterRef, Erasure.ERASED, complaints, erasedBy, Instant.parse(erasedAt),
                    Instant.parse(requestedAt), verification);
        }
    }
}
