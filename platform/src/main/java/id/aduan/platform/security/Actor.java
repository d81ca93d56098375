package id.aduan.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is acting, read only from a validated token: never from a header a caller could set.
 *
 * @param agencyCode the agency an agency admin acts for; null for other roles
 */
public record Actor(String subject, Set<Role> roles, String agencyCode) {

    public static final String ROLES_CLAIM = "roles";
    public static final String AGENCY_CLAIM = "agency";

    public static Actor of(Jwt jwt) {
        return new Actor(jwt.getSubject(), rolesOf(jwt), jwt.getClaimAsString(AGENCY_CLAIM));
    }

    static Set<Role> rolesOf(Jwt jwt) {
        Collection<String> claimed = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimed.forEach(value -> Role.fromClaim(value).ifPresent(roles::add));
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True for the admin of exactly this agency. */
    public boolean actsFor(String agency) {
        return has(Role.AGENCY) && agency != null && agency.equals(agencyCode);
    }
}
