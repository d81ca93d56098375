package id.aduan.auth;

import java.util.List;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the audience and the client's {@code roles} and {@code agency} into every access token. The
 * role and agency travel with the registered client as settings, so they come from wherever the
 * client itself is stored.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLES_CLAIM = "roles";
    private static final String AGENCY_CLAIM = "agency";

    private static final String ROLES_SETTING = "aduan.roles";
    private static final String AGENCY_SETTING = "aduan.agency";

    private final String audience;

    AccessTokenClaims(String audience) {
        this.audience = audience;
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
        ClientSettings settings = context.getRegisteredClient().getClientSettings();
        List<String> roles = settings.getSetting(ROLES_SETTING);
        String agency = settings.getSetting(AGENCY_SETTING);
        JwtClaimsSet.Builder claims = context.getClaims().audience(List.of(audience));
        if (roles != null) {
            claims.claim(ROLES_CLAIM, roles);
        }
        if (agency != null) {
            claims.claim(AGENCY_CLAIM, agency);
        }
    }
}
