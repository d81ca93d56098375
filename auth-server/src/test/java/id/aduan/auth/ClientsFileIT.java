package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Closed by default: without the demo profile the server knows no demo client, only those of the file a
 * deployment imports (docker-compose.yml imports the one its secrets-init writes, in this shape), and the
 * demo profile turns that file off in favour of the demo clients.
 */
class ClientsFileIT {

    @TempDir
    Path dataDir;

    @Test
    void withoutTheDemoProfileOnlyTheImportedClientsGetTokens() throws IOException {
        try (ConfigurableApplicationContext server = start(clientsFile("coordinator", "s3cr3t-from-the-volume"))) {
            TestRestTemplate http = client(server);
            assertThat(TokenEndpointIT.requestToken(http, "coordinator", "s3cr3t-from-the-volume").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(TokenEndpointIT.requestToken(http, "coordinator", "coordinator-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(TokenEndpointIT.requestToken(http, "citizen-app", "citizen-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void theDemoProfileRegistersTheDemoClientsInstead() throws IOException {
        try (ConfigurableApplicationContext server = start(clientsFile("coordinator", "s3cr3t-from-the-volume"),
                "--spring.profiles.active=demo")) {
            TestRestTemplate http = client(server);
            assertThat(TokenEndpointIT.requestToken(http, "coordinator", "coordinator-secret").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(TokenEndpointIT.requestToken(http, "coordinator", "s3cr3t-from-the-volume").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    /** A clients file as deploy/secrets/init.sh writes it. */
    private Path clientsFile(String id, String secret) throws IOException {
        return Files.writeString(dataDir.resolve("auth-server.yml"), """
                spring.config.activate.on-profile: "!demo"
                aduan.auth.clients:
                  - id: %s
                    secret: %s
                    roles: [coordinator]
                """.formatted(id, secret));
    }

    private ConfigurableApplicationContext start(Path clientsFile, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--aduan.data-dir=" + dataDir,
                "--spring.config.import=optional:file:" + clientsFile));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(AuthServerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static TestRestTemplate client(ConfigurableApplicationContext server) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
