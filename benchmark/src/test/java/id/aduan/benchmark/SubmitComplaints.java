package id.aduan.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Citizens submitting complaints through the gateway at rising constant rates (open model: arrivals
 * do not wait for answers), one step per rate. Each request is named after its step's rate, so
 * Gatling's report gives the door's figures per rate. Settings (system properties, see bench/load.sh):
 * bench.rates, bench.stepSeconds, bench.gateway, bench.authServer, bench.client, bench.home, bench.runDir.
 */
public class SubmitComplaints extends Simulation {

    private final List<Integer> rates = Arrays.stream(System.getProperty("bench.rates", "50 100").trim().split("[ ,]+"))
            .map(Integer::valueOf).toList();
    private final int stepSeconds = Integer.getInteger("bench.stepSeconds", 20);
    private final Complaints complaints = Complaints.from(Path.of(System.getProperty("bench.home", ".")));
    private final Tokens tokens = new Tokens(System.getProperty("bench.authServer", "http://localhost:9000"),
            System.getProperty("bench.client", "citizen-app:citizen-secret"));
    private volatile long startedAt;

    private final HttpProtocolBuilder gateway = http.baseUrl(System.getProperty("bench.gateway", "http://localhost:8080"))
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            // A pool shared by all virtual users: at hundreds of arrivals a second, a connection each
            // would exhaust the client's ephemeral ports.
            .shareConnections();

    private final ScenarioBuilder citizens = scenario("citizens submit complaints")
            .exec(http(session -> "submit at " + currentRate() + "/s").post("/api/v1/complaints")
                    .header("Authorization", session -> "Bearer " + tokens.current())
                    .body(StringBody(session -> complaints.next()))
                    .check(status().is(201)));

    {
        List<OpenInjectionStep> steps = rates.stream()
                .map(rate -> (OpenInjectionStep) constantUsersPerSec(rate).during(stepSeconds))
                .toList();
        setUp(citizens.injectOpen(steps)).protocols(gateway);
    }

    @Override
    public void before() {
        tokens.current();
        startedAt = System.currentTimeMillis();
        // The observer divides the complaints into steps from this instant.
        String runDir = System.getProperty("bench.runDir");
        if (runDir != null && !runDir.isBlank()) {
            try {
                Files.writeString(Path.of(runDir, "load-started"), Long.toString(startedAt));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int currentRate() {
        int step = (int) ((System.currentTimeMillis() - startedAt) / 1000 / stepSeconds);
        return rates.get(Math.min(Math.max(step, 0), rates.size() - 1));
    }
}
