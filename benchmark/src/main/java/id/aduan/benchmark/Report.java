package id.aduan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run's results table: the door's figures per step from Gatling's report (js/stats.js), then
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
        int stepSeconds = Integer.getInteger("bench.stepSeconds", 20);
        Path stats = latestStats(runDir.resolve("gatling"));
        if (stats == null) {
            md.append("| no Gatling report found | | | | | | | | | |\n");
        } else {
            List<JsonNode> requests = new ArrayList<>();
            statsOf(stats).path("contents").elements().forEachRemaining(requests::add);
            requests.sort(Comparator.comparingInt(request -> Integer.parseInt(request.path("name").asText().replaceAll("\\D", ""))));
            for (JsonNode request : requests) {
                JsonNode s = request.path("stats");
                long ok = s.path("numberOfRequests").path("ok").asLong();
                md.append("| %s | %d | %d | %d | %.1f | %s | %s | %s | %s | %s |%n".formatted(
                        request.path("name").asText(), s.path("numberOfRequests").path("total").asLong(), ok,
                        s.path("numberOfRequests").path("ko").asLong(), ok / (double) stepSeconds,
                        millis(s, "percentiles1"), millis(s, "percentiles2"), millis(s, "percentiles3"), millis(s, "percentiles4"),
                        millis(s, "maxResponseTime")));
            }
            md.append("\nPercentiles of the accepted requests. Gatling's HTML report: ")
                    .append(stats.getParent().getParent().resolve("index.html")).append('\n');
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

    /** Gatling writes its figures as a script, {@code var stats = {...}}, keys unquoted. */
    private static JsonNode statsOf(Path statsJs) throws IOException {
        String script = Files.readString(statsJs);
        return JSON.reader().with(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .readTree(script.substring(script.indexOf('{')));
    }

    private static String millis(JsonNode stats, String figure) {
        String value = stats.path(figure).path("ok").asText("-");
        return value.equals("-") ? "-" : value + " ms";
    }

    private static Path latestStats(Path gatling) throws IOException {
        if (!Files.isDirectory(gatling)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(gatling)) {
            return runs.map(run -> run.resolve("js").resolve("stats.js")).filter(Files::exists)
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
