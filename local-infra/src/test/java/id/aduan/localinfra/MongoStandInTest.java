package id.aduan.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    void aDocumentReadWhileAnotherConnectionUpdatesItIsAlwaysAnsweredInMemory() throws Exception {
        readWhileAnotherConnectionUpdates(MongoStandIn.inMemory(0));
    }

    @Test
    void aDocumentReadWhileAnotherConnectionUpdatesItIsAlwaysAnsweredFromAFile() throws Exception {
        readWhileAnotherConnectionUpdates(MongoStandIn.persistent(dataDir.resolve("mongo/aduan"), 0));
    }

    /** Many fields, so encoding an answer takes long enough for an update to land during it. */
    private static void readWhileAnotherConnectionUpdates(MongoStandIn standIn) throws Exception {
        try (MongoStandIn mongo = standIn;
             MongoClient writer = MongoClients.create(mongo.connectionString());
             MongoClient reader = MongoClients.create(mongo.connectionString())) {
            Document counts = new Document("_id", "32.73");
            for (int i = 0; i < 500; i++) {
                counts.append("category-" + i, i);
            }
            complaints(writer).insertOne(counts);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> updates = pool.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        complaints(writer).updateOne(new Document("_id", "32.73"),
                                new Document("$set", new Document("category-" + round % 500, round))
                                        .append("$unset", new Document("round-" + (round - 1), ""))
                                        .append("$inc", new Document("round-" + round, 1)));
                    }
                });
                while (!updates.isDone()) {
                    assertThat(complaints(reader).find(new Document("_id", "32.73")).first()).isNotNull();
                }
                updates.get();
                // Answers are copies, but what findOneAndUpdate and delete change is still the stored document.
                complaints(writer).findOneAndUpdate(new Document("_id", "32.73"), new Document("$set", new Document("status", "KEPT")));
                assertThat(complaints(reader).find(new Document("_id", "32.73")).first().getString("status")).isEqualTo("KEPT");
                complaints(writer).deleteOne(new Document("_id", "32.73"));
                assertThat(complaints(reader).countDocuments()).isZero();
            } finally {
                pool.shutdownNow();
            }
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
