package id.aduan.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What the authorization server issues and to whom.
 *
 * @param issuer the fixed {@code iss} of every token, independent of the address a request came in on
 * @param audience the {@code aud} of every access token
 * @param tokenLifetime how long an access token is valid
 * @param signingKey the JWK file holding the RSA signing key
 * @param clients the registered clients, each with the role and agency claims its tokens carry
 */
@ConfigurationProperties("aduan.auth")
public record AuthProperties(URI issuer, String audience, Duration tokenLifetime, Path signingKey,
                             List<Client> clients) {

    public AuthProperties {
        Objects.requireNonNull(issuer, "aduan.auth.issuer is required");
        Assert.hasText(audience, "aduan.auth.audience is required");
        Objects.requireNonNull(tokenLifetime, "aduan.auth.token-lifetime is required");
        Objects.requireNonNull(signingKey, "aduan.auth.signing-key is required");
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * A client that gets tokens with the client_credentials grant.
     *
     * @param agency the agency code for the {@code agency} claim, or null when the client acts for none
     */
    public record Client(String id, String secret, List<String> roles, String agency) {

        public Client {
            Assert.hasText(id, "every client needs an id");
            Assert.hasText(secret, () -> "client " + id + " needs a secret");
            Assert.notEmpty(roles, () -> "client " + id + " needs at least one role");
            roles = List.copyOf(roles);
            agency = StringUtils.hasText(agency) ? agency : null;
        }
    }
}
