package id.aduan.intake.reporter;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PrfSet;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import id.aduan.platform.MongoErrors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.bson.Document;

/**
 * The one PRF key of the identity lookups, shared by every intake instance: in MongoDB, encrypted
 * under the master key, created by whichever instance starts first.
 */
final class LookupKey {

    private static final String ID = "reporter-lookups";

    private LookupKey() {
    }

    static PrfSet loadOrCreate(MongoCollection<Document> keys, Aead master) {
        try {
            Document stored = keys.find(Filters.eq("_id", ID)).first();
            if (stored == null) {
                KeysetHandle created = Tink.newPrfKeyset();
                try {
                    keys.insertOne(new Document("_id", ID)
                            .append("keyset", TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(created, master, associatedData())));
                    return Tink.prf(created);
                } catch (RuntimeException e) {
                    if (!MongoErrors.isDuplicateKey(e)) {
                        throw e;
                    }
                    // Another instance created it a moment earlier: use theirs.
                    stored = keys.find(Filters.eq("_id", ID)).first();
                }
            }
            return Tink.prf(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.getString("keyset"), master, associatedData()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The identity lookup key cannot be created or read with this master key", e);
        }
    }

    private static byte[] associatedData() {
        return ID.getBytes(StandardCharsets.UTF_8);
    }
}
