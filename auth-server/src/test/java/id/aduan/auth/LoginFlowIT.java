package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person logs in to an app with the authorization code grant and PKCE, as a browser would, and gets their claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LoginFlowIT {

    private static final String APP = "aduan-web";
    private static final String CALLBACK = "http://127.0.0.1:8400/callback";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("aduan.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "warga,            citizen,,",
            "koordinator,      coordinator,,",
            "admin-dpupr,      agency,          32.73.DPUPR,",
            "penghubung-jalan, liaison-officer, 32.73.DPUPR, 32.73.DPUPR/UPT-JALAN",
            "ombudsman-ri,     ombudsman,,",
    })
    void eachDemoUserLogsInAndGetsATokenWithTheirRoleAgencyAndUnit(String username, String role, String agency, String unit)
            throws Exception {
        Browser browser = new Browser();
        String verifier = verifier();

        String code = browser.logIn(username, "demo", challenge(verifier));
        HttpResponse<String> token = browser.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", APP, "code_verifier", verifier));

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<?, ?> answer = json.readValue(token.body(), Map.class);
        assertThat(answer.get("id_token")).isNotNull();
        Jwt access = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks")).build().decode((String) answer.get("access_token"));
        assertThat(access.getSubject()).isEqualTo(username);
        // A person's token: issued to the app they logged in to, but it is theirs (the gateway limits it per person).
        assertThat(access.getClaimAsString("client_id")).isEqualTo(APP);
        assertThat(access.getAudience()).containsExactly("aduan-api");
        assertThat(access.getClaimAsString("iss")).isEqualTo("http://localhost:9000");
        assertThat(access.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(access.getClaimAsString("agency")).isEqualTo(agency);
        assertThat(access.getClaimAsString("unit")).isEqualTo(unit);
    }

    @Test
    void aCodeIsWorthNothingWithoutTheVerifierItsChallengeCameFrom() throws Exception {
        Browser browser = new Browser();
        String code = browser.logIn("warga", "demo", challenge(verifier()));

        HttpResponse<String> token = browser.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", APP, "code_verifier", verifier()));

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    @Test
    void anAppMustUsePkce() throws Exception {
        HttpResponse<String> authorize = new Browser().get("/oauth2/authorize?response_type=code&client_id=" + APP
                + "&scope=openid&redirect_uri=" + encode(CALLBACK));

        assertThat(authorize.statusCode()).isIn(302, 400);
        assertThat(authorize.headers().firstValue("Location").orElse("") + authorize.body()).doesNotContain("code=");
    }

    @Test
    void aWrongPasswordIsNoLogin() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizePath(challenge(verifier())));
        browser.get("/login");
        HttpResponse<String> login = browser.post("/login", Map.of("username", "warga", "password", "geraten",
                "_csrf", browser.csrf()));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void publishesTheOpenIdDiscoveryDocument() throws Exception {
        HttpResponse<String> discovery = new Browser().get("/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        Map<?, ?> document = json.readValue(discovery.body(), Map.class);
        assertThat(document.get("issuer")).isEqualTo("http://localhost:9000");
        assertThat(document.get("authorization_endpoint")).isEqualTo("http://localhost:9000/oauth2/authorize");
        assertThat(document.get("token_endpoint")).isEqualTo("http://localhost:9000/oauth2/token");
        assertThat(document.get("jwks_uri")).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(document.get("code_challenge_methods_supported")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("S256");
        assertThat(document.get("grant_types_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("authorization_code", "client_credentials");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String authorizePath(String challenge) {
        return "/oauth2/authorize?response_type=code&client_id=" + APP + "&scope=openid&state=s1&redirect_uri=" + encode(CALLBACK)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Cookies kept, redirects followed by hand so each step can be seen. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String lastPage = "";
        private String lastStatus = "";

        /** Through the login page to the code the app receives at its redirect URI. */
        String logIn(String username, String password, String challenge) throws IOException, InterruptedException {
            HttpResponse<String> authorize = get(authorizePath(challenge));
            assertThat(authorize.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            get("/login");
            HttpResponse<String> login = post("/login", Map.of("username", username, "password", password, "_csrf", csrf()));
            String resumed = login.headers().firstValue("Location").orElseThrow();
            assertThat(resumed).contains("/oauth2/authorize");
            String callback = get(URI.create(resumed).getRawPath() + "?" + URI.create(resumed).getRawQuery())
                    .headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(CALLBACK).contains("state=s1");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
            assertThat(code.find()).as(callback).isTrue();
            return code.group(1);
        }

        String csrf() {
            Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(lastPage);
            assertThat(token.find()).as("a CSRF token on the login page: %s %s", lastStatus, lastPage).isTrue();
            return token.group(1);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            lastPage = response.body();
            lastStatus = response.statusCode() + " " + response.headers().map();
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
