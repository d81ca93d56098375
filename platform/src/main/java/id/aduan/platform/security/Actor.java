package id.aduan.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is acting, read only from a validated token: never from a header a caller could set.
 *
 * <p>Agencies and their units: a unit (unit kerja) is written as its agency's code, a slash and
 * the unit's short name ({@code 32.73.DPUPR/UPT-JALAN}). An agency admin acts for its agency and
 * every unit below it; a liaison officer acts for its one unit only.
 *
 * @param agencyCode the agency an agency admin or liaison officer works in; null for other roles
 * @param unitCode the unit a liaison officer works in, always a unit of {@code agencyCode}; otherwise null
 */
public record Actor(String subject, Set<Role> roles, String agencyCode, String unitCode) {

    public static final String ROLES_CLAIM = "roles";
    public static final String AGENCY_CLAIM = "agency";
    public static final String UNIT_CLAIM = "unit";
    /** Between an agency's code and a unit's short name. */
    public static final String UNIT_SEPARATOR = "/";

    public Actor {
        // A unit outside the token's agency is ignored rather than trusted: such a token acts for no unit.
        unitCode = unitCode != null && unitOf(unitCode, agencyCode) ? unitCode : null;
    }

    /** An actor without a unit. */
    public Actor(String subject, Set<Role> roles, String agencyCode) {
        this(subject, roles, agencyCode, null);
    }

    /**
     * The actor of a token as the security chain hands it to endpoints: with the roles, agency and unit
     * under the names above wherever the issuer put them ({@link ActorClaims#normalise(Jwt)}).
     */
    public static Actor of(Jwt jwt) {
        return new Actor(jwt.getSubject(), rolesOf(jwt), jwt.getClaimAsString(AGENCY_CLAIM), jwt.getClaimAsString(UNIT_CLAIM));
    }

    static Set<Role> rolesOf(Jwt jwt) {
        Collection<String> claimed = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimed.forEach(value -> Role.fromClaim(value).ifPresent(roles::add));
        return roles;
    }

    /** Whether {@code code} names a unit of {@code agency} ({@code 32.73.DPUPR/UPT-JALAN} of {@code 32.73.DPUPR}). */
    public static boolean unitOf(String code, String agency) {
        return code != null && agency != null && code.length() > agency.length() + 1
                && code.startsWith(agency + UNIT_SEPARATOR) && code.indexOf(UNIT_SEPARATOR, agency.length() + 1) < 0;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * True for the admin of this agency, or of the agency a unit code belongs to, and for the liaison
     * officer of exactly this unit.
     */
    public boolean actsFor(String code) {
        if (code == null) {
            return false;
        }
        boolean admin = has(Role.AGENCY) && (code.equals(agencyCode) || unitOf(code, agencyCode));
        return admin || (has(Role.LIAISON_OFFICER) && code.equals(unitCode));
    }

    /**
     * The unit an agency staff member's action is limited to: null for the agency's admin, who acts
     * for every unit, the liaison officer's unit otherwise.
     *
     * @throws AccessDeniedException for anyone else, including a liaison officer whose token names no unit of its agency
     */
    public String actingUnit() {
        if (has(Role.AGENCY)) {
            return null;
        }
        if (has(Role.LIAISON_OFFICER) && unitCode != null) {
            return unitCode;
        }
        throw new AccessDeniedException("Only an agency admin or a liaison officer with a unit of its agency acts for an agency.");
    }
}
