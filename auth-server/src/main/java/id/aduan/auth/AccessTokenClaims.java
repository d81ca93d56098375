package id.aduan.auth;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the audience, the {@code client_id} and the {@code roles}, {@code agency} and {@code unit}
 * claims into every access token: a client's own for the client_credentials grant (they travel with
 * the registered client as settings), the logged-in user's for the authorization code grant.
 * {@code client_id} is the app the token was issued to (RFC 9068): when it equals the subject, the
 * token is the app's own, otherwise it stands for a person, which is how the gateway tells the two
 * apart for its rate limits (docs/security.md).
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLES_CLAIM = "roles";
    private static final String AGENCY_CLAIM = "agency";
    private static final String UNIT_CLAIM = "unit";
    private static final String CLIENT_ID_CLAIM = "client_id";

    private static final String ROLES_SETTING = "aduan.roles";
    private static final String AGENCY_SETTING = "aduan.agency";

    private final AuthProperties properties;

    AccessTokenClaims(AuthProperties properties) {
        this.properties = properties;
    }

    /** The client settings that carry a client's role and agency claims. */
    static ClientSettings settingsFor(AuthProperties.Client client) {
        ClientSettings.Builder settings = ClientSettings.builder().setting(ROLES_SETTING, client.roles());
        if (client.agency() != null) {
            settings.setting(AGENCY_SETTING, client.agency());
        }
        return settings.build();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims().audience(List.of(properties.audience()))
                .claim(CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            put(claims, settings.getSetting(ROLES_SETTING), settings.getSetting(AGENCY_SETTING), null);
        } else {
            // A person logged in: what they may do is theirs, not the app's.
            properties.user(context.getPrincipal().getName())
                    .ifPresent(user -> put(claims, user.roles(), user.agency(), user.unit()));
        }
    }

    private static void put(JwtClaimsSet.Builder claims, List<String> roles, String agency, String unit) {
        if (roles != null) {
            claims.claim(ROLES_CLAIM, roles);
        }
        if (agency != null) {
            claims.claim(AGENCY_CLAIM, agency);
        }
        if (unit != null) {
            claims.claim(UNIT_CLAIM, unit);
        }
    }
}
