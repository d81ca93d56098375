package id.aduan.intake;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Infrastructure;
import org.bson.Document;

/** What intake's event store holds, for tests that prove a refused request recorded nothing. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long all() {
        return count(new Document());
    }

    public static long about(String complaintId) {
        return count(new Document("aggregateIdentifier", complaintId));
    }

    private static long count(Document filter) {
        try (MongoClient mongo = MongoClients.create(Infrastructure.shared().mongoUri(AduanServiceTest.DATABASE))) {
            return mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("domainevents").countDocuments(filter);
        }
    }
}
