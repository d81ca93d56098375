package id.aduan.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStandInTest {

    @TempDir
    Path dataDir;

    @Test
    void aDocumentInAPersistentStandInSurvivesARestart() {
        Path file = dataDir.resolve("mongo/aduan");
        try (MongoStandIn mongo = MongoStandIn.persistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            complaints(client).insertOne(new Document("_id", "ADU-3F7KQ9M2XD").append("status", "SUBMITTED"));
        }

        try (MongoStandIn mongo = MongoStandIn.persistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = complaints(client).find(new Document("_id", "ADU-3F7KQ9M2XD")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("status")).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void anInMemoryStandInAnswersOnItsConnectionString() {
        try (MongoStandIn mongo = MongoStandIn.inMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            complaints(client).insertOne(new Document("_id", "ADU-3F7KQ9M2XD"));

            assertThat(complaints(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aTakenPortFailsTheStartAndReleasesTheFile() throws IOException {
        Path file = dataDir.resolve("mongo/aduan");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MongoStandIn.persistent(file, taken.getLocalPort()))
                    .hasMessageContaining("cannot listen on localhost:" + taken.getLocalPort());
        }

        try (MongoStandIn mongo = MongoStandIn.persistent(file, 0)) {
            assertThat(mongo.connectionString()).startsWith("mongodb://localhost:");
        }
    }

    private static MongoCollection<Document> complaints(MongoClient client) {
        return client.getDatabase("aduan").getCollection("complaints");
    }
}
