package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class SigningKeyIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @Test
    void aRestartWithTheSameDataDirPublishesTheSameKey() throws Exception {
        List<String> firstStart = publishedKeyIds(dataDir);

        Path keyFile = dataDir.resolve("auth/signing-key.json");
        assertThat(keyFile).isRegularFile();
        RSAKey stored = RSAKey.parse(Files.readString(keyFile));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(firstStart).containsExactly(stored.getKeyID());

        assertThat(publishedKeyIds(dataDir)).isEqualTo(firstStart);
        assertThat(publishedKeyIds(otherDataDir)).doesNotContainAnyElementsOf(firstStart);
    }

    /** Starts the server on {@code dataDir}, reads the key ids it publishes, and stops it. */
    private static List<String> publishedKeyIds(Path dataDir) throws IOException, InterruptedException, ParseException {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(AuthServerApplication.class)
                .run("--server.port=0", "--aduan.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JWKSet.parse(response.body()).getKeys().stream().map(JWK::getKeyID).toList();
        }
    }
}
