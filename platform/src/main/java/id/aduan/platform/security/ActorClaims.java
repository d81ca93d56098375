package id.aduan.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Where the issuer puts the caller's roles, agency and unit in a token ({@code aduan.security.claims}):
 * a claim's name, or a dotted path into nested claims, as Keycloak's {@code realm_access.roles}.
 * Aduan's own authorization server uses the defaults, top-level {@code roles}, {@code agency} and
 * {@code unit}; docs/security.md, "Another issuer: Keycloak", has Keycloak's settings.
 *
 * <p>A role's value names an Aduan role ({@link Role#claimValue()}) once {@code rolePrefix} is taken
 * off its start, ignoring case and reading {@code _} as {@code -}: with the prefix {@code aduan-},
 * {@code aduan-liaison-officer}, {@code ADUAN-LIAISON_OFFICER} and {@code Aduan-Liaison-Officer} are
 * all the liaison officer. Other values (Keycloak's {@code offline_access}, {@code default-roles-aduan},
 * a value without the prefix) are no Aduan role and are ignored.
 *
 * @param roles where the roles are: a list of strings, or one string
 * @param agency where the agency's code is: a string, or a list whose first string counts
 * @param unit where the unit's code is, as the agency's
 * @param rolePrefix taken off each role's value before it is read; empty for none
 */
@ConfigurationProperties("aduan.security.claims")
public record ActorClaims(@DefaultValue(Actor.ROLES_CLAIM) String roles, @DefaultValue(Actor.AGENCY_CLAIM) String agency,
        @DefaultValue(Actor.UNIT_CLAIM) String unit, @DefaultValue("") String rolePrefix) {

    public ActorClaims {
        rolePrefix = rolePrefix == null ? "" : rolePrefix;
    }

    /**
     * The token as every service reads it ({@link Actor#of(Jwt)}): its claims with the Aduan roles found
     * where {@link #roles()} says under {@code roles}, as their claim values, and the agency and unit
     * under {@code agency} and {@code unit}, each absent when the token has none there. The security
     * chain hands this token, not the raw one, to every endpoint.
     */
    public Jwt normalise(Jwt jwt) {
        List<String> actorRoles = rolesIn(jwt.getClaims());
        String agencyCode = stringAt(jwt.getClaims(), agency);
        String unitCode = stringAt(jwt.getClaims(), unit);
        return Jwt.withTokenValue(jwt.getTokenValue()).headers(headers -> headers.putAll(jwt.getHeaders())).claims(claims -> {
            claims.putAll(jwt.getClaims());
            put(claims, Actor.ROLES_CLAIM, actorRoles.isEmpty() ? null : actorRoles);
            put(claims, Actor.AGENCY_CLAIM, agencyCode);
            put(claims, Actor.UNIT_CLAIM, unitCode);
        }).build();
    }

    /** The Aduan role a claimed value names, if any, by the rule above. */
    public Optional<Role> role(String claimed) {
        if (claimed == null || !claimed.regionMatches(true, 0, rolePrefix, 0, rolePrefix.length())) {
            return Optional.empty();
        }
        return Role.fromClaim(claimed.substring(rolePrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private List<String> rolesIn(Map<String, Object> claims) {
        Object value = at(claims, roles);
        Collection<?> claimed = value instanceof Collection<?> values ? values : value == null ? List.of() : List.of(value);
        Set<String> found = new LinkedHashSet<>();
        for (Object one : claimed) {
            if (one instanceof String name) {
                role(name).ifPresent(role -> found.add(role.claimValue()));
            }
        }
        return new ArrayList<>(found);
    }

    private static String stringAt(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        if (value instanceof Collection<?> values) {
            value = values.stream().filter(String.class::isInstance).findFirst().orElse(null);
        }
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /** The value at a dotted path; a claim named with the dots themselves wins, as Keycloak's mappers may write either. */
    private static Object at(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }
}
