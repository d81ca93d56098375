package id.aduan.intake.reporter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.mongodb.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReporterVaultConfiguration {

    static final String KEY_COLLECTION = "intake-keys";

    @Bean
    Aead masterKey(@Value("${aduan.intake.master-key-file}") Path file) {
        return MasterKeyFile.loadOrCreate(file);
    }

    @Bean
    ReporterKeys reporterKeys(MongoDatabase database, Aead masterKey) {
        ReporterKeys keys = new ReporterKeys(database, masterKey);
        keys.createIndexes().then(ReporterErasures.createIndexes(database)).block(Duration.ofSeconds(30));
        return keys;
    }

    @Bean
    IdentityLookups identityLookups(MongoClient client, MongoProperties properties, Aead masterKey) {
        return new IdentityLookups(LookupKey.loadOrCreate(
                client.getDatabase(properties.getMongoClientDatabase()).getCollection(KEY_COLLECTION), masterKey));
    }

    @Bean
    ReporterVault reporterVault(ReporterKeys keys, IdentityLookups lookups, ObjectMapper json, Clock clock) {
        return new ReporterVault(keys, lookups, new ReporterCipher(json), clock);
    }
}
