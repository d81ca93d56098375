package id.aduan.web.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The logged-in person's roles, agency and unit come from the access token, the one the API reads them
 * from, so the pages and the API never disagree. The token is verified with the issuer's keys first.
 */
class AccessTokenUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    AccessTokenUserService(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return oidc.loadUser(request).zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()))
                .map(userAndToken -> withTokenClaims(userAndToken.getT1(), userAndToken.getT2()));
    }

    private static OidcUser withTokenClaims(OidcUser user, Jwt accessToken) {
        Map<String, Object> claims = new HashMap<>(user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
        claims.putIfAbsent("sub", user.getSubject());
        List<String> roles = accessToken.getClaimAsStringList(Person.ROLES_CLAIM);
        claims.put(Person.ROLES_CLAIM, roles == null ? List.of() : roles);
        for (String claim : List.of(Person.AGENCY_CLAIM, Person.UNIT_CLAIM)) {
            if (accessToken.hasClaim(claim)) {
                claims.put(claim, accessToken.getClaimAsString(claim));
            }
        }
        var authorities = (roles == null ? List.<String>of() : roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims));
    }
}
