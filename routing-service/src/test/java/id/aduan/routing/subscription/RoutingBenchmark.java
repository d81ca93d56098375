package id.aduan.routing.subscription;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import id.aduan.contracts.ComplaintIds;
import id.aduan.localinfra.MongoStandIn;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Not a check, a measurement (docs/routing.md, "Hot path"), outside the build's tests: handles N
 * complaints as {@link PointAccessTest} does, on the embedded default's stand-in (H2 store), and
 * prints the time per complaint for each tenth, which stays flat while every access is a point
 * access and grows with the store where one scans. Run it with
 * {@code ./mvnw -o -pl routing-service -am test -Dtest=RoutingBenchmark -Daduan.routing.bench=3000
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RoutingBenchmark {

    @Test
    void routingManyComplaintsOnTheEmbeddedDefaultsStandIn(@TempDir Path data) {
        int complaints = Integer.getInteger("aduan.routing.bench", 3000);
        PointAccessTest routingAlone = new PointAccessTest();
        try (MongoStandIn mongo = MongoStandIn.persistent(data.resolve("mongo.mv"), 0);
                MongoClient client = MongoClients.create(mongo.connectionString());
                AnnotationConfigApplicationContext routing = routingAlone.routing(client.getDatabase("aduan-routing"))) {
            long sliceStarted = System.nanoTime();
            for (int i = 1; i <= complaints; i++) {
                routingAlone.handle(routing, ComplaintIds.next(), PointAccessTest.AS_SUBMITTED);
                if (i % (complaints / 10) == 0) {
                    System.out.printf("routing bench: complaints %d-%d: %.2f ms each%n", i - complaints / 10 + 1, i,
                            (System.nanoTime() - sliceStarted) / 1e6 / (complaints / 10));
                    sliceStarted = System.nanoTime();
                }
            }
        }
    }
}
