package id.aduan.intake.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.reporter.ReporterKeys.ReporterKey;
import id.aduan.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A reporter's key is found by any identifier they gave before, through the claims of its lookups. */
class ReporterKeysIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    private MongoClient client;
    private MongoDatabase database;
    private Aead master;
    private ReporterKeys keys;

    @BeforeEach
    void freshDatabase() {
        String name = "intake-keys-" + System.nanoTime();
        client = MongoClients.create(Infrastructure.shared().mongoUri(name));
        database = client.getDatabase(name);
        master = Tink.aead(Tink.newAeadKeyset());
        keys = new ReporterKeys(database, master);
        keys.createIndexes().block(PATIENCE);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aReporterKnownByAnyIdentifierTheyGaveBeforeKeepsOneKey() {
        String first = keyFor(List.of("email-a", "phone-a"), "rep-1").id();

        assertThat(keyFor(List.of("phone-a", "nik-a"), "rep-2").id()).isEqualTo(first);
        // Known by the NIK only now: claimed for the same key by the second complaint.
        assertThat(keyFor(List.of("nik-a"), "rep-3").id()).isEqualTo(first);
        assertThat(keyFor(List.of("email-b"), "rep-4").id()).isNotEqualTo(first);
        ReporterKeys.KeyEntry entry = keys.findByRef("rep-3").block(PATIENCE);
        assertThat(entry.id()).isEqualTo(first);
        assertThat(entry.lookups()).containsExactlyInAnyOrder("email-a", "phone-a", "nik-a");
        assertThat(entry.refs()).containsExactly("rep-1", "rep-2", "rep-3");
    }

    @Test
    void afterAnErasureTheSameIdentifiersGetANewKey() {
        String erased = keyFor(List.of("email-a", "phone-a"), "rep-1").id();
        keys.delete(List.of(erased), List.of("email-a", "phone-a")).block(PATIENCE);

        String next = keyFor(List.of("email-a"), "rep-2").id();

        assertThat(next).isNotEqualTo(erased);
        assertThat(keyFor(List.of("phone-a", "email-a"), "rep-3").id()).isEqualTo(next);
        assertThat(keys.find(erased).blockOptional(PATIENCE)).isEmpty();
    }

    /** A submission racing an erasure can claim a lookup for the key being deleted: that claim counts as none. */
    @Test
    void aClaimNamingADeletedKeyIsFreeAgain() {
        String erased = keyFor(List.of("email-a"), "rep-1").id();
        Mono.from(database.getCollection(ReporterKeys.COLLECTION).deleteOne(Filters.eq("_id", erased))).block(PATIENCE);

        String next = keyFor(List.of("email-a"), "rep-2").id();

        assertThat(next).isNotEqualTo(erased);
        Document claim = Mono.from(database.getCollection(ReporterKeys.CLAIMS).find(Filters.eq("_id", "email-a")).first())
                .block(PATIENCE);
        assertThat(claim.getString(ReporterKeys.KEY)).isEqualTo(next);
        assertThat(keyFor(List.of("email-a"), "rep-3").id()).isEqualTo(next);
    }

    @Test
    void aKeyStoredInTheEarlierShapeIsFoundByItsLookupAndDecrypts() throws GeneralSecurityException {
        String id = "rk-earlier-shape";
        Mono.from(database.getCollection(ReporterKeys.COLLECTION).insertOne(new Document("_id", id)
                .append("keyset", TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(Tink.newAeadKeyset(), master,
                        id.getBytes(StandardCharsets.UTF_8)))
                .append("lookups", List.of("email-e")).append("refs", List.of("rep-1")).append("createdAt", Date.from(NOW))))
                .block(PATIENCE);
        Mono.from(database.getCollection(ReporterKeys.CLAIMS).insertOne(new Document("_id", "email-e").append(ReporterKeys.KEY, id)))
                .block(PATIENCE);

        assertThat(keyFor(List.of("email-e", "phone-e"), "rep-2").id()).isEqualTo(id);
        assertThat(keys.find(id).block(PATIENCE).aead()).isNotNull();
        assertThat(keys.findByRef("rep-2").block(PATIENCE))
                .isEqualTo(new ReporterKeys.KeyEntry(id, List.of("email-e", "phone-e"), List.of("rep-1", "rep-2")));
    }

    @Test
    void aKeyIsStoredUnderTheFieldNamesAndTypesItHadBefore() {
        String id = keyFor(List.of("email-s", "phone-s"), "rep-1").id();

        Document stored = Mono.from(database.getCollection(ReporterKeys.COLLECTION).find(Filters.eq("_id", id)).first())
                .block(PATIENCE);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "keyset", "lookups", "refs", "createdAt");
        assertThat(stored.get("keyset")).isInstanceOf(String.class);
        assertThat(stored.getList("lookups", String.class)).containsExactly("email-s", "phone-s");
        assertThat(stored.getList("refs", String.class)).containsExactly("rep-1");
        assertThat(stored.get("createdAt")).isEqualTo(Date.from(NOW));
    }

    private ReporterKey keyFor(List<String> lookups, String reporterRef) {
        return keys.keyFor(lookups, reporterRef, NOW).block(PATIENCE);
    }
}
