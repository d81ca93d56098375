package id.aduan.intake.reporter;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.MongoErrors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One AES-256-GCM key per reporter, in the {@value #COLLECTION} collection, each stored encrypted
 * under the master key (with its own id as associated data). A key document also holds the reporter's
 * identity lookups and the reporterRefs of their complaints; it holds no identity. The
 * {@value #CLAIMS} collection finds a key by a lookup with a read by {@code _id} (docs/tracking.md, "Hot path").
 */
final class ReporterKeys {

    static final String COLLECTION = "reporter-keys";
    static final String LOOKUPS = "lookups";
    static final String REFS = "refs";
    /** One document per lookup, {@code _id} the lookup: which key claimed it first. */
    static final String CLAIMS = "reporter-lookups";
    static final String KEY = "key";

    private static final Comparator<Stored> OLDEST_FIRST = Comparator.comparing(Stored::createdAt).thenComparing(Stored::id);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Stored> keys;
    private final MongoCollection<Document> claims;
    private final Aead master;

    ReporterKeys(MongoDatabase database, Aead master) {
        this.keys = database.getCollection(COLLECTION, Stored.class);
        this.claims = database.getCollection(CLAIMS);
        this.master = master;
    }

    /**
     * For erasure, which is rare and reads by refs and by lookups (real MongoDB uses these indexes;
     * the stand-in scans, it ignores non-unique indexes). Submissions read by {@code _id} only.
     */
    Mono<Void> createIndexes() {
        return Flux.from(keys.createIndexes(List.of(new IndexModel(Indexes.ascending(REFS)),
                new IndexModel(Indexes.ascending(LOOKUPS))))).then();
    }

    /** A reporter's key, decrypted. */
    record ReporterKey(String id, Aead aead) {
    }

    /**
     * The key of the reporter already known by one of these lookups (the oldest, should there be
     * several), or a new one; either way the complaint's reporterRef is recorded under it, and each
     * lookup not claimed yet is claimed for it. Point operations only: the claims by {@code _id},
     * the keys by {@code _id}.
     */
    Mono<ReporterKey> keyFor(List<String> lookups, String reporterRef, Instant now) {
        if (lookups.isEmpty()) {
            return create(lookups, reporterRef, now).map(this::decrypted);
        }
        return Flux.from(claims.find(Filters.in("_id", lookups)))
                .collectMap(claim -> claim.getString("_id"), claim -> claim.getString(KEY))
                .flatMap(claimed -> (claimed.isEmpty() ? Mono.just(List.<Stored>of())
                        : Flux.from(keys.find(Filters.in("_id", List.copyOf(new HashSet<>(claimed.values()))))).collectList())
                        .flatMap(known -> {
                            Set<String> live = known.stream().map(Stored::id).collect(Collectors.toSet());
                            return known.stream().min(OLDEST_FIRST)
                                    .map(oldest -> Mono.from(keys.findOneAndUpdate(Filters.eq("_id", oldest.id()),
                                            Updates.combine(Updates.addEachToSet(LOOKUPS, lookups), Updates.addToSet(REFS, reporterRef)),
                                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                                    .orElse(Mono.empty())
                                    // None known, or erased since the claims were read.
                                    .switchIfEmpty(Mono.defer(() -> create(lookups, reporterRef, now)))
                                    .flatMap(key -> claim(lookups, claimed, live, key.id()).thenReturn(key));
                        }))
                .map(this::decrypted);
    }

    /**
     * Claims each lookup for the key unless a key that still exists claimed it first. Two first
     * complaints of one person at the same moment may each create a key: the first claim of a
     * lookup wins, and the other key stays linked to it through the lookups both list (see
     * {@link #sharingLookups}).
     */
    private Mono<Void> claim(List<String> lookups, Map<String, String> claimed, Set<String> live, String keyId) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String lookup : lookups) {
            String holder = claimed.get(lookup);
            if (holder == null) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", lookup), Updates.setOnInsert(KEY, keyId), UPSERT));
            } else if (!live.contains(holder)) {
                // Its key was erased: the lookup is free again.
                writes.add(new UpdateOneModel<>(Filters.eq("_id", lookup), Updates.set(KEY, keyId), UPSERT));
            }
        }
        return writes.isEmpty() ? Mono.empty() : Mono.from(claims.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                // Two upserts of one new claim at once on real MongoDB: the other one's claim stands.
                .onErrorResume(MongoErrors::isDuplicateKey, raced -> Mono.empty())
                .then();
    }

    private Mono<Stored> create(List<String> lookups, String reporterRef, Instant now) {
        String id = "rk-" + UUID.randomUUID();
        KeysetHandle keyset = Tink.newAeadKeyset();
        String encrypted;
        try {
            encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, associatedData(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a reporter key under the master key", e);
        }
        Stored key = new Stored(id, encrypted, lookups, List.of(reporterRef), now);
        return Mono.from(keys.insertOne(key)).thenReturn(key);
    }

    /** The key, or nothing once it is erased. */
    Mono<ReporterKey> find(String id) {
        return Mono.from(keys.find(Filters.eq("_id", id)).first()).map(this::decrypted);
    }

    /** A key's document, without the keyset: what erasure needs to know. */
    record KeyEntry(String id, List<String> lookups, List<String> refs) {
    }

    Mono<KeyEntry> findByRef(String reporterRef) {
        return Mono.from(keys.find(Filters.eq(REFS, reporterRef)).first()).map(ReporterKeys::entry);
    }

    /** Other keys of the same person: those sharing an identifier with one of these lookups. */
    Flux<KeyEntry> sharingLookups(List<String> lookups) {
        return lookups.isEmpty() ? Flux.empty() : Flux.from(keys.find(Filters.in(LOOKUPS, lookups))).map(ReporterKeys::entry);
    }

    /** Deletes the keys, their claims of lookups first, so that no claim names a deleted key. */
    Mono<Void> delete(List<String> ids, List<String> lookups) {
        return (lookups.isEmpty() ? Mono.empty() : Mono.from(claims.deleteMany(Filters.in("_id", lookups))))
                .then(Mono.from(keys.deleteMany(Filters.in("_id", ids))))
                .then();
    }

    private ReporterKey decrypted(Stored key) {
        String id = key.id();
        try {
            return new ReporterKey(id, Tink.aead(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                    key.keyset(), master, associatedData(id))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Reporter key " + id + " does not decrypt under the master key", e);
        }
    }

    private static KeyEntry entry(Stored key) {
        return new KeyEntry(key.id(), key.lookups() == null ? List.of() : key.lookups(), key.refs() == null ? List.of() : key.refs());
    }

    /**
     * A key as stored: its keyset encrypted under the master key, the lookups and reporterRefs under it,
     * and when it was made (a BSON date), as before. Added to with {@code $addToSet} as the reporter's
     * complaints come in. Public, as the driver's record codec requires.
     */
    public record Stored(@BsonId String id, String keyset, @BsonProperty(LOOKUPS) List<String> lookups,
            @BsonProperty(REFS) List<String> refs, Instant createdAt) {
    }

    private static byte[] associatedData(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
