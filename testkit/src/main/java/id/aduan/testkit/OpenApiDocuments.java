package id.aduan.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's OpenAPI document as its running test context serves it: linted, every operation with a
 * summary and problem+json error responses, and the same as the one committed in docs/openapi/, so
 * that a change to an API shows in review. Run with {@code -Dopenapi.write=true} to write the served
 * document there instead (then review the diff). Each service's {@code OpenApiIT} extends this with
 * its document's name.
 */
@AduanServiceTest
public abstract class OpenApiDocuments {

    private static final String WRITE = "openapi.write";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final String name;
    private final String path;
    private final List<String> exempt;

    @Autowired
    private WebTestClient http;

    /**
     * @param name the document's file name in docs/openapi/, without {@code .json}
     * @param path where the service serves it
     * @param exempt path prefixes of operations that answer errors in another specification's format (platform
     *     {@code OwnErrorFormat}): held to the summary rule, not to the problem rules
     */
    protected OpenApiDocuments(String name, String path, String... exempt) {
        this.name = name;
        this.path = path;
        this.exempt = List.of(exempt);
    }

    @Test
    public void theApiIsDescribedInFullAndAsCommitted() {
        // The first document is built on demand, scanning every endpoint: slow on a busy machine.
        String served = http.mutate().responseTimeout(Duration.ofMinutes(2)).build().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        check(served, name, exempt);
    }

    private static void check(String served, String name, List<String> exempt) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served, null, options);
        if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()) {
            throw new AssertionError("The OpenAPI document of " + name + " is not valid: " + parsed.getMessages());
        }
        List<String> faults = faults(parsed.getOpenAPI(), exempt);
        if (!faults.isEmpty()) {
            throw new AssertionError("Operations of " + name + " described short of the house rule (docs/problems.md):\n  "
                    + String.join("\n  ", faults));
        }
        compareWithCommitted(served, name);
    }

    /** A summary; problem+json for every error status; 400 where it takes input, 404 where its path names something. */
    private static List<String> faults(OpenAPI api, List<String> exempt) {
        List<String> faults = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                faults.add(where + ": no summary (@Operation(summary = ...))");
            }
            if (exempt.stream().anyMatch(path::startsWith)) {
                return;
            }
            Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
            responses.forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && !isProblem(response.getContent())) {
                    faults.add(where + ": " + status + " is not answered as " + PROBLEM_JSON);
                }
            });
            if (!responses.containsKey("401")) {
                faults.add(where + ": no 401 problem");
            }
            if (takesInput(operation) && !responses.containsKey("400")) {
                faults.add(where + ": takes input but lists no 400 problem");
            }
            if (path.contains("{") && !responses.containsKey("404")) {
                faults.add(where + ": names something in its path but lists no 404 problem");
            }
        }));
        return faults;
    }

    private static boolean takesInput(Operation operation) {
        return operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    }

    private static boolean isProblem(Content content) {
        return content != null && content.containsKey(PROBLEM_JSON) && content.get(PROBLEM_JSON).getSchema() != null;
    }

    private static void compareWithCommitted(String served, String name) {
        Path committed = docs().resolve("openapi").resolve(name + ".json");
        try {
            String written = JSON.writeValueAsString(JSON.readValue(served, Object.class)) + "\n";
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, written, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(committed) || !Files.readString(committed, StandardCharsets.UTF_8).equals(written)) {
                Path actual = Path.of("target", "openapi", name + ".json");
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, written, StandardCharsets.UTF_8);
                throw new AssertionError("The API of " + name + " is not the one in " + committed.normalize()
                        + " (the served document is in " + actual.toAbsolutePath() + "). If the change is meant, run this test"
                        + " again with -D" + WRITE + "=true to write it there, and commit it with the change.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's docs folder, found upwards from the module the test runs in. */
    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("No docs folder above " + Path.of("").toAbsolutePath());
    }
}
