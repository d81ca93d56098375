package id.aduan.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./aduan status|restart|kill|scale|redeliver}: asks the launcher running on a data directory
 * to act on one of its services or stores ({@link ControlServer}). Returns the process's exit code.
 */
final class ControlCommand {

    static final Set<String> COMMANDS = Set.of("status", "restart", "kill", "scale", "redeliver");
    static final String USAGE = """
              aduan status                          the services' processes (instance, port, pid)
              aduan restart SERVICE|STORE           stops it gracefully and starts it again (stores: kafka, postgres, mongo)
              aduan kill SERVICE                    kills it (SIGKILL) as a crash would; the launcher restarts it
              aduan scale SERVICE N                 runs N instances of it (the others on free ports)
              aduan redeliver SERVICE [--since=T]   gives it every event since T (ISO instant; default: an hour ago) again
            Each takes --data-dir=DIR when the suite runs on another data directory.""";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    private ControlCommand() {
    }

    static int run(Path dataDir, List<String> words) {
        List<String> arguments = new ArrayList<>();
        String since = Instant.now().minus(Duration.ofHours(1)).toString();
        for (String word : words) {
            if (word.startsWith("--since=")) {
                since = word.substring("--since=".length());
            } else {
                arguments.add(word);
            }
        }
        String command = arguments.get(0);
        HttpRequest.Builder request;
        try {
            request = switch (command) {
                case "status" -> HttpRequest.newBuilder(uri("/status")).GET();
                case "restart" -> post((Stores.names().contains(arguments.get(1)) ? "/stores/" : "/services/") + arguments.get(1) + "/restart");
                case "kill" -> post("/services/" + arguments.get(1) + "/kill");
                case "scale" -> post("/services/" + arguments.get(1) + "/instances?count=" + Integer.parseInt(arguments.get(2)));
                case "redeliver" -> post("/services/" + arguments.get(1) + "/redeliver?since=" + Instant.parse(since));
                default -> throw new IllegalArgumentException(command);
            };
        } catch (RuntimeException e) { // a missing or malformed argument
            System.err.println("aduan " + command + ": wrong arguments" + System.lineSeparator() + USAGE);
            return 2;
        }
        try {
            String token = Files.readString(ControlServer.tokenFile(dataDir)).strip();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    request.header("Authorization", "Bearer " + token).timeout(ANSWER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            (answer.statusCode() == 200 ? System.out : System.err).print(answer.body());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (NoSuchFileException | ConnectException e) {
            System.err.println("aduan: no suite is running on " + dataDir + " (start it with ./aduan, or give --data-dir=DIR)");
            return 1;
        } catch (IOException e) {
            System.err.println("aduan: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ControlServer.PORT + path);
    }
}
