package id.aduan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * deploy/keycloak/aduan-realm.json imported by a real Keycloak, the image docker-compose.yml's {@code keycloak}
 * profile runs: every demo client gets a token by client credentials and every demo person one by logging in
 * to {@code aduan-web} (authorization code with PKCE, through Keycloak's own login form); each token validates
 * as the services validate (issuer, signature, audience {@code aduan-api}) and, read with the settings
 * docs/security.md gives for Keycloak, is the actor the built-in server's token would be.
 *
 * <p>Where Docker runs, Keycloak is that image; elsewhere it is the same version's distribution from Maven Central
 * ({@code keycloak-quarkus-dist}, unpacked by the build into {@code aduan.keycloak.home}), run as a process of its
 * own, as the test kit runs PostgreSQL. Either way the test runs.
 */
class KeycloakRealmIT {

    private static final String IMAGE = "quay.io/keycloak/keycloak:26.4.7";
    private static final String REDIRECT = "http://127.0.0.1:8400/callback";
    private static final ActorClaims KEYCLOAK = new ActorClaims("realm_access.roles", "agency", "unit", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration STARTUP = Duration.ofMinutes(5);

    private static Keycloak keycloak;
    private static JsonNode realm;
    private static String issuer;
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void startKeycloakWithTheRealm() throws Exception {
        Path realmFile = realmFile();
        realm = JSON.readTree(realmFile.toFile());
        keycloak = DockerClientFactory.instance().isDockerAvailable() ? inDocker(realmFile) : fromTheDistribution(realmFile);
        issuer = keycloak.baseUrl() + "/realms/aduan";
        decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains("aduan-api"))));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop().run();
        }
    }

    /** A running Keycloak: where it answers, and how to stop it. */
    private record Keycloak(String baseUrl, Runnable stop) {
    }

    private static Keycloak inDocker(Path realmFile) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withCopyFileToContainer(MountableFile.forHostPath(realmFile), "/opt/keycloak/data/import/aduan-realm.json")
                .withEnv("KC_HEALTH_ENABLED", "true")
                .withCommand("start-dev", "--import-realm")
                .withExposedPorts(8080, 9000)
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(STARTUP));
        container.start();
        return new Keycloak("http://" + container.getHost() + ":" + container.getMappedPort(8080), container::stop);
    }

    /** Starts from an empty database each time (dev mode's H2 files), with the realm to import. */
    private static Keycloak fromTheDistribution(Path realmFile) throws Exception {
        Path home = Path.of(System.getProperty("aduan.keycloak.home"));
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(realmFile, data.resolve("import").resolve("aduan-realm.json"));
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + freePort())
                .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        Runnable stop = () -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        };
        String baseUrl = "http://localhost:" + port;
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended at start: see " + home.resolve("keycloak.log"));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/aduan/.well-known/openid-configuration"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return new Keycloak(baseUrl, stop);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                stop.run();
                throw new IllegalStateException("Keycloak not ready after " + STARTUP + ": see " + home.resolve("keycloak.log"));
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyDemoClientGetsATokenWithItsRoleAndAgency() throws Exception {
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("serviceAccountsEnabled").asBoolean()) {
                continue;
            }
            String id = client.path("clientId").asText();
            String credentials = Base64.getEncoder().encodeToString((id + ":" + client.path("secret").asText()).getBytes(StandardCharsets.UTF_8));
            JsonNode answer = post(HttpClient.newHttpClient(), issuer + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials"), "Basic " + credentials);

            Jwt token = KEYCLOAK.normalise(decoder.decode(answer.path("access_token").asText()));

            JsonNode serviceAccount = user("service-account-" + id);
            Actor actor = Actor.of(token);
            assertThat(actor.roles()).as(id).isEqualTo(roles(serviceAccount));
            assertThat(actor.agencyCode()).as(id).isEqualTo(hardcoded(client, "agency"));
            // The gateway counts such a token against the app's allowance (docs/security.md, "Rate limits").
            assertThat(token.getClaimAsString("client_id")).as(id).isEqualTo(id);
            assertThat(token.getClaimAsString("preferred_username")).as(id).isEqualTo("service-account-" + id);
        }
    }

    @Test
    void everyDemoPersonLogsInToAduanWebAndGetsTheirRoleAgencyAndUnit() throws Exception {
        for (JsonNode person : realm.path("users")) {
            if (person.has("serviceAccountClientId")) {
                continue;
            }
            String username = person.path("username").asText();

            Actor actor = Actor.of(KEYCLOAK.normalise(decoder.decode(logIn(username, "demo"))));

            assertThat(actor.roles()).as(username).isEqualTo(roles(person));
            assertThat(actor.agencyCode()).as(username).isEqualTo(attribute(person, "agency"));
            assertThat(actor.unitCode()).as(username).isEqualTo(attribute(person, "unit"));
        }
    }

    /** What a person does in a browser: the login page, the form, the redirect with the code, then the app's exchange. */
    private static String logIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String authorize = issuer + "/protocol/openid-connect/auth?" + form(Map.of("response_type", "code", "client_id", "aduan-web",
                "redirect_uri", REDIRECT, "scope", "openid", "state", "demo", "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String page = login.body();
        // Keycloak marks its session cookies Secure; a browser on localhost sends them over http, java.net's CookieManager does not.
        String cookies = login.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as("login form for " + username + " in:%n%s", page).isTrue();

        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        assertThat(location).as(username + " redirected (status %s):%n%s", loggedIn.statusCode(), loggedIn.body()).startsWith(REDIRECT);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();

        return post(browser, issuer + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "code", code.group(1), "redirect_uri", REDIRECT, "client_id", "aduan-web", "code_verifier", verifier), null)
                .path("access_token").asText();
    }

    private static JsonNode post(HttpClient http, String uri, Map<String, String> fields, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + " answered:%n%s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in the realm");
    }

    private static Set<Role> roles(JsonNode user) {
        Set<Role> roles = new HashSet<>();
        user.path("realmRoles").forEach(role -> KEYCLOAK.role(role.asText()).ifPresent(roles::add));
        return roles;
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static String hardcoded(JsonNode client, String claim) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-hardcoded-claim-mapper".equals(mapper.path("protocolMapper").asText())
                    && claim.equals(mapper.path("config").path("claim.name").asText())) {
                return mapper.path("config").path("claim.value").asText();
            }
        }
        return null;
    }

    private static Path realmFile() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path realm = directory.resolve("deploy/keycloak/aduan-realm.json");
            if (Files.isRegularFile(realm)) {
                return realm;
            }
        }
        throw new IllegalStateException("deploy/keycloak/aduan-realm.json not found above " + Path.of("").toAbsolutePath());
    }
}
