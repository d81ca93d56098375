package id.aduan.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code aduan dead-letters ...}: a service's dead letters (docs/dead-letters.md) through the gateway of
 * the running suite, as a national coordinator. The token comes from the authorization server by client
 * credentials: client {@code coordinator} by default, or ADUAN_CLIENT_ID and ADUAN_CLIENT_SECRET.
 */
final class DeadLettersCommand {

    static final String USAGE = "aduan dead-letters [SERVICE] | aduan dead-letters SERVICE show EVENT-ID"
            + " | aduan dead-letters SERVICE redrive EVENT-ID|--all";
    static final List<String> SERVICES = List.of("intake-service", "routing-service", "sla-service", "reporting-service");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    DeadLettersCommand(URI gateway, URI authServer, Map<String, String> env, PrintStream out, PrintStream err) {
        this.gateway = gateway;
        this.tokenEndpoint = authServer.resolve("/oauth2/token");
        this.clientId = env.getOrDefault("ADUAN_CLIENT_ID", "coordinator");
        this.clientSecret = env.getOrDefault("ADUAN_CLIENT_SECRET", "coordinator-secret");
        this.out = out;
        this.err = err;
    }

    /** The suite on this machine: the gateway and the authorization server on their fixed ports. */
    static int run(List<String> args) {
        return new DeadLettersCommand(URI.create("http://localhost:8080"), URI.create("http://localhost:9000"),
                System.getenv(), System.out, System.err).execute(args);
    }

    /** Returns the exit code: 0 done, 1 refused or failed, 2 bad arguments. */
    int execute(List<String> args) {
        try {
            if (args.isEmpty()) {
                for (String service : SERVICES) {
                    list(service);
                }
                return 0;
            }
            String service = serviceName(args.get(0));
            if (service == null || args.size() == 2 || args.size() > 3
                    || (args.size() == 3 && !List.of("show", "redrive").contains(args.get(1)))) {
                err.println("Usage: " + USAGE + System.lineSeparator() + "SERVICE: one of " + String.join(", ", SERVICES));
                return 2;
            }
            if (args.size() == 1) {
                list(service);
            } else if (args.get(1).equals("show")) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        call("GET", letters(service) + "/" + encode(args.get(2)))));
            } else if (args.get(2).equals("--all")) {
                JsonNode report = call("POST", letters(service) + "/redrive");
                report.path("redriven").forEach(id -> out.println("re-driven  " + id.asText()));
                report.path("failed").forEach(failed -> out.println("failed     " + failed.path("eventId").asText()
                        + "  " + failed.path("error").asText()));
                out.printf("%s: %d re-driven, %d failed again%n", service, report.path("redriven").size(),
                        report.path("failed").size());
                return report.path("failed").isEmpty() ? 0 : 1;
            } else {
                for (JsonNode letter : call("POST", letters(service) + "/" + encode(args.get(2)) + "/redrive")) {
                    out.println("re-driven  " + letter.path("eventId").asText() + " at " + letter.path("redrivenAt").asText());
                }
            }
            return 0;
        } catch (Refused e) {
            err.println("aduan dead-letters: " + e.getMessage());
            return 1;
        } catch (ConnectException e) {
            err.println("aduan dead-letters: cannot reach " + gateway + " or " + tokenEndpoint + "; is the suite running (./aduan)?");
            return 1;
        } catch (IOException e) {
            err.println("aduan dead-letters: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** "intake" or "intake-service"; null for anything else. */
    static String serviceName(String given) {
        String name = given.endsWith("-service") ? given : given + "-service";
        return SERVICES.contains(name) ? name : null;
    }

    private void list(String service) throws IOException, InterruptedException {
        JsonNode letters = call("GET", letters(service));
        long unresolved = 0;
        for (JsonNode letter : letters) {
            unresolved += letter.path("resolved").asBoolean() ? 0 : 1;
        }
        out.printf("%s: %d dead letters, %d unresolved%n", service, letters.size(), unresolved);
        for (JsonNode letter : letters) {
            out.printf("  %-10s %-36s %-32s %-14s %s[%s]@%s %s  %s%n",
                    letter.path("resolved").asBoolean() ? "re-driven" : "UNRESOLVED",
                    letter.path("eventId").asText("(no event id)"), letter.path("type").asText("-"),
                    letter.path("subject").asText("-"), letter.path("originalTopic").asText("?"),
                    letter.path("originalPartition").asText("?"), letter.path("originalOffset").asText("?"),
                    letter.path("deadLetteredAt").asText(), letter.path("error").asText(""));
        }
    }

    private String letters(String service) {
        return "/api/v1/dead-letters/" + service;
    }

    private JsonNode call(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Refused(path + " answered " + response.statusCode() + ": " + detailOf(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            String basic = Base64.getEncoder().encodeToString(
                    (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Refused("the authorization server refused client " + clientId + " (" + response.statusCode()
                        + "); set ADUAN_CLIENT_ID and ADUAN_CLIENT_SECRET to a coordinator's client");
            }
            token = JSON.readTree(response.body()).path("access_token").asText();
        }
        return token;
    }

    /** A problem's detail, or the body as it came. */
    private static String detailOf(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText() : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    /** Client credentials are form-encoded before Basic authentication (RFC 6749, section 2.3.1). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
