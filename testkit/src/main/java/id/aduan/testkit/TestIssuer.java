package id.aduan.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the authorization server in service tests: it signs real RS256 tokens and
 * publishes its key set over HTTP, so services validate them exactly as in production.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "aduan-api";

    private static final TestIssuer SHARED = new TestIssuer();

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIssuer shared() {
        return SHARED;
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** Spring properties that make a resource server trust this issuer. */
    public Map<String, Object> resourceServerProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    public String citizen() {
        return token("citizen-app", List.of("citizen"), null);
    }

    public String coordinator() {
        return token("coordinator", List.of("coordinator"), null);
    }

    public String agency(String agencyCode) {
        return token("agency-" + agencyCode, List.of("agency"), agencyCode);
    }

    public String ombudsman() {
        return token("ombudsman", List.of("ombudsman"), null);
    }

    public String token(String subject, List<String> roles, String agencyCode) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", roles);
        if (agencyCode != null) {
            claims.claim("agency", agencyCode);
        }
        return sign(claims.build());
    }

    /** Signs any claims, for tests of expired, foreign or otherwise wrong tokens. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
