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
import org.bson.Document;
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
    /** Keys of one person are linked through shared identifiers; a chain longer than this is not followed. */
    private static final int MAX_LINKS = 10;

    private final ReporterKeys keys;
    private final IdentityLookups lookups;
    private final MongoCollection<Document> erasures;

    ReporterErasures(ReporterKeys keys, IdentityLookups lookups, MongoDatabase database) {
        this.keys = keys;
        this.lookups = lookups;
        this.erasures = database.getCollection(COLLECTION);
    }

    /** Erasures are looked up by any of their refs; rare, but real MongoDB need not scan for it. */
    static Mono<Void> createIndexes(MongoDatabase database) {
        return Mono.from(database.getCollection(COLLECTION).createIndex(Indexes.ascending("refs"))).then();
    }

    /** The erasure, done now or before; empty when no complaint has this reporterRef. */
    Mono<Erasure> erase(String reporterRef, ErasureRequest request, String coordinator, Instant now) {
        return keys.findByRef(reporterRef)
                .flatMap(key -> samePerson(key).flatMap(linked -> erase(reporterRef, key, linked, request, coordinator, now)))
                .switchIfEmpty(Mono.defer(() -> Mono.from(erasures.find(Filters.eq("refs", reporterRef)).first()).map(Erasure::of)));
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
        Document record = erasure.toDocument(key.id(), ids, refs);
        return Mono.from(erasures.insertOne(record)).thenReturn(erasure)
                .onErrorResume(MongoErrors::isDuplicateKey, recordedBefore ->
                        Mono.from(erasures.find(Filters.eq("_id", key.id())).first()).map(Erasure::of))
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
}
