package id.aduan.platform.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded default's MongoDB stand-in (mongo-java-server, here on its memory backend) in this
 * JVM, noting every query it answered by reading a whole collection: any filter that is not exactly
 * {@code _id} or exactly the fields of a unique index. A test does what one event does and expects
 * no such read of the collections that grow with the data.
 */
public final class ScanCountingMongo implements AutoCloseable {

    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final MongoServer server;
    private final MongoClient client;

    private ScanCountingMongo() {
        server = new MongoServer(new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                            @Override
                            protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                    int batchSize, Document fieldSelector) {
                                scans.add(collectionName + " " + query);
                                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                            }
                        };
                    }
                };
            }
        });
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public static ScanCountingMongo start() {
        return new ScanCountingMongo();
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** Each whole-collection read since the last {@link #forgetScans()}: the collection's name and the filter. */
    public List<String> scans() {
        return List.copyOf(scans);
    }

    public void forgetScans() {
        scans.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
