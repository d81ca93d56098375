package id.aduan.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real access token from the authorization server (client-credentials grant), fetched again when
 * most of its lifetime has passed, so long runs never send an expired one.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenEndpoint;
    private final String basicAuthorization;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** {@code client} as {@code id:secret}. */
    public Tokens(String authServer, String client) {
        this.tokenEndpoint = URI.create(authServer + "/oauth2/token");
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized String current() {
        if (Instant.now().isAfter(renewAt)) {
            JsonNode answer = fetch();
            token = answer.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(answer.path("expires_in").asLong(300) * 3 / 4);
        }
        return token;
    }

    private JsonNode fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token from " + tokenEndpoint + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no token from " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
