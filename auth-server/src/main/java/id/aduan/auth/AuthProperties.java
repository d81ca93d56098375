package id.aduan.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param loginClients the apps people log in to (authorization code with PKCE, no secret)
 * @param users the people who log in, each with the role, agency and unit claims their tokens carry
 */
@ConfigurationProperties("aduan.auth")
public record AuthProperties(URI issuer, String audience, Duration tokenLifetime, Path signingKey,
                             List<Client> clients, List<LoginClient> loginClients, List<User> users) {

    public AuthProperties {
        Objects.requireNonNull(issuer, "aduan.auth.issuer is required");
        Assert.hasText(audience, "aduan.auth.audience is required");
        Objects.requireNonNull(tokenLifetime, "aduan.auth.token-lifetime is required");
        Objects.requireNonNull(signingKey, "aduan.auth.signing-key is required");
        clients = clients == null ? List.of() : List.copyOf(clients);
        loginClients = loginClients == null ? List.of() : List.copyOf(loginClients);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** The user with this name, if there is one. */
    public Optional<User> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
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

    /**
     * A public app (a browser or mobile app) that people log in to with the authorization code grant;
     * it has no secret, so PKCE is required.
     *
     * @param redirectUris where the app receives the code; exact matches
     * @param postLogoutRedirectUris where the app may send a person after logging them out here (OIDC
     *     RP-initiated logout), so that the next person at a shared computer must log in again; none if empty
     */
    public record LoginClient(String id, List<String> redirectUris, List<String> postLogoutRedirectUris) {

        public LoginClient {
            Assert.hasText(id, "every login client needs an id");
            Assert.notEmpty(redirectUris, () -> "login client " + id + " needs a redirect URI");
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }

    /**
     * A person who logs in.
     *
     * @param agency the agency code for the {@code agency} claim of an agency admin or liaison officer, or null
     * @param unit the unit code ({@code 32.73.DPUPR/UPT-JALAN}) for the {@code unit} claim of a liaison officer, or null
     */
    public record User(String username, String password, List<String> roles, String agency, String unit) {

        public User {
            Assert.hasText(username, "every user needs a username");
            Assert.hasText(password, () -> "user " + username + " needs a password");
            Assert.notEmpty(roles, () -> "user " + username + " needs at least one role");
            roles = List.copyOf(roles);
            agency = StringUtils.hasText(agency) ? agency : null;
            unit = StringUtils.hasText(unit) ? unit : null;
        }
    }
}
