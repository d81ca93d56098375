package id.aduan.intake.reporter;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One AES-256-GCM key per reporter, in the {@value #COLLECTION} collection, each stored encrypted
 * under the master key (with its own id as associated data). A key document also holds the reporter's
 * identity lookups and the reporterRefs of their complaints; it holds no identity.
 */
final class ReporterKeys {

    static final String COLLECTION = "reporter-keys";
    static final String LOOKUPS = "lookups";
    static final String REFS = "refs";

    private final MongoCollection<Document> keys;
    private final Aead master;

    ReporterKeys(MongoDatabase database, Aead master) {
        this.keys = database.getCollection(COLLECTION);
        this.master = master;
    }

    /** A reporter's key, decrypted. */
    record ReporterKey(String id, Aead aead) {
    }

    /**
     * The key of the reporter already known by one of these lookups (the oldest, should there be
     * several), or a new one; either way the complaint's reporterRef is recorded under it.
     */
    Mono<ReporterKey> keyFor(List<String> lookups, String reporterRef, Instant now) {
        Mono<Document> known = lookups.isEmpty() ? Mono.empty() : Mono.from(keys.findOneAndUpdate(
                Filters.in(LOOKUPS, lookups),
                Updates.combine(Updates.addEachToSet(LOOKUPS, lookups), Updates.addToSet(REFS, reporterRef)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt")).returnDocument(ReturnDocument.AFTER)));
        return known.map(this::decrypted).switchIfEmpty(Mono.defer(() -> create(lookups, reporterRef, now)));
    }

    private Mono<ReporterKey> create(List<String> lookups, String reporterRef, Instant now) {
        String id = "rk-" + UUID.randomUUID();
        KeysetHandle keyset = Tink.newAeadKeyset();
        String encrypted;
        try {
            encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, associatedData(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a reporter key under the master key", e);
        }
        Document key = new Document("_id", id).append("keyset", encrypted).append(LOOKUPS, lookups)
                .append(REFS, List.of(reporterRef)).append("createdAt", Date.from(now));
        return Mono.from(keys.insertOne(key)).thenReturn(new ReporterKey(id, Tink.aead(keyset)));
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

    Mono<Void> delete(List<String> ids) {
        return Mono.from(keys.deleteMany(Filters.in("_id", ids))).then();
    }

    private ReporterKey decrypted(Document key) {
        String id = key.getString("_id");
        try {
            return new ReporterKey(id, Tink.aead(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                    key.getString("keyset"), master, associatedData(id))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Reporter key " + id + " does not decrypt under the master key", e);
        }
    }

    private static KeyEntry entry(Document key) {
        return new KeyEntry(key.getString("_id"), key.getList(LOOKUPS, String.class, List.of()), key.getList(REFS, String.class, List.of()));
    }

    private static byte[] associatedData(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
