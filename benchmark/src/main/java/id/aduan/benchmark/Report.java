package id.aduan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run's results table: the door's figures per step from Gatling's report (stats.json), then
 * what the observer, the baselines, the seed and bench/load.sh wrote into the run directory.
 * Prints it and writes {@code <runDir>/results.md}.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Path runDir = Path.of(System.getProperty("bench.runDir", "."));
        StringBuilder md = new StringBuilder();
        md.append(read(runDir.resolve("run.md")));
        md.append("\n### At the door (Gatling, through the gateway: accepted = 201)\n\n")
                .append("| step | sent | accepted | refused or failed | accepted/s | p50 | p75 | p95 | p99 | max |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        Path stats = latestStats(runDir.resolve("gatling"));
        if (stats == null) {
            md.append("| no Gatling report found | | | | | | | | | |\n");
        } else {
            for (Iterator<JsonNode> requests = JSON.readTree(stats.toFile()).path("contents").elements(); requests.hasNext(); ) {
                JsonNode request = requests.next();
                JsonNode s = request.path("stats");
                md.append("| %s | %d | %d | %d | %.1f | %d ms | %d ms | %d ms | %d ms | %d ms |%n".formatted(
                        request.path("name").asText(), s.path("numberOfRequests").path("total").asLong(),
                        s.path("numberOfRequests").path("ok").asLong(), s.path("numberOfRequests").path("ko").asLong(),
                        s.path("meanNumberOfRequestsPerSecond").path("ok").asDouble(),
                        s.path("percentiles1").path("ok").asLong(), s.path("percentiles2").path("ok").asLong(),
                        s.path("percentiles3").path("ok").asLong(), s.path("percentiles4").path("ok").asLong(),
                        s.path("maxResponseTime").path("ok").asLong()));
            }
            md.append("\nGatling's HTML report: ").append(stats.getParent().getParent().resolve("index.html")).append('\n');
        }
        for (String part : new String[] {"observer.md", "baselines.md", "seed.md", "ready.md"}) {
            String text = read(runDir.resolve(part));
            if (!text.isEmpty()) {
                md.append('\n').append(text);
            }
        }
        Files.writeString(runDir.resolve("results.md"), md.toString());
        System.out.print(md);
    }

    private static Path latestStats(Path gatling) throws IOException {
        if (!Files.isDirectory(gatling)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(gatling)) {
            return runs.map(run -> run.resolve("js").resolve("stats.json")).filter(Files::exists)
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
