package id.aduan.localinfra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends, answering queries with copies. Both originals answer with the
 * documents they hold, which an update changes in place: a find encoded by the network thread while
 * another connection updated the same document failed with a ConcurrentModificationException, and
 * the driver then dropped its whole pool (a flaky test; `./aduan` under load too). Copies are taken
 * under the collection's lock. A result longer than its first batch keeps the rest in a cursor as
 * held, so a long scan racing an update can still see this; a point read cannot. (Internals of
 * mongo-java-server 1.47, pinned in the root pom: check them when upgrading.)
 */
final class CopyingBackends {

    private CopyingBackends() {
    }

    static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        // findAndModify and delete find what they change through the same query: held documents
                        // for them, as the memory backend stores nothing else and a change to a copy would be lost.
                        return new MemoryCollection(this, name, options, cursorRegistry) {
                            private boolean changing;

                            @Override
                            public synchronized QueryResult handleQuery(QueryParameters query) {
                                QueryResult held = super.handleQuery(query);
                                return changing ? held : copies(held);
                            }

                            @Override
                            public synchronized Document findAndModify(Document query) {
                                changing = true;
                                try {
                                    return super.findAndModify(query);
                                } finally {
                                    changing = false;
                                }
                            }

                            @Override
                            public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
                                changing = true;
                                try {
                                    return super.deleteDocuments(selector, limit, oplog);
                                } finally {
                                    changing = false;
                                }
                            }
                        };
                    }
                };
            }
        };
    }

    /** The H2 backend on {@code file}; collections open their maps under the names H2Database 1.47 gives them. */
    static MongoBackend persistent(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                MVStore store = getMvStore();
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(name);
                        return new H2Collection(this, name, options, store.openMap("databases." + namespace),
                                store.openMap("meta." + namespace), cursorRegistry) {
                            // findAndModify may change a copy: H2 stores the changed document it is given anyway.
                            @Override
                            public synchronized QueryResult handleQuery(QueryParameters query) {
                                return copies(super.handleQuery(query));
                            }
                        };
                    }
                };
            }
        };
    }

    private static QueryResult copies(QueryResult held) {
        return new QueryResult(held.collectDocuments().stream().map(Document::cloneDeeply).toList(), held.getCursorId());
    }
}
