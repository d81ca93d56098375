package id.aduan.web.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in, as the access token says: the roles, agency and unit that the API will hold them to.
 * The pages only choose what to show by it; the API decides what is allowed.
 *
 * @param username the login name
 * @param roles {@code citizen}, {@code coordinator}, {@code agency}, {@code liaison-officer} (penghubung: an
 *     agency's officer for one unit) or {@code ombudsman}
 * @param agency the agency's code (instansi), for agency roles
 * @param unit the unit's code, for a liaison officer
 */
public record Person(String username, List<String> roles, String agency, String unit) {

    public static final String CITIZEN = "citizen";
    public static final String COORDINATOR = "coordinator";
    public static final String AGENCY = "agency";
    public static final String LIAISON_OFFICER = "liaison-officer";
    public static final String OMBUDSMAN = "ombudsman";

    static final String ROLES_CLAIM = "roles";
    static final String AGENCY_CLAIM = "agency";
    static final String UNIT_CLAIM = "unit";

    public static Optional<Person> of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        List<String> roles = user.getClaimAsStringList(ROLES_CLAIM);
        return Optional.of(new Person(user.getName(), roles == null ? List.of() : roles,
                user.getClaimAsString(AGENCY_CLAIM), user.getClaimAsString(UNIT_CLAIM)));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean worksForAgency() {
        return has(AGENCY) || has(LIAISON_OFFICER);
    }

    /** The page a person starts from after logging in. */
    public String home() {
        if (has(COORDINATOR)) {
            return "/console";
        }
        if (worksForAgency()) {
            return "/agency/inbox";
        }
        if (has(OMBUDSMAN)) {
            return "/ombudsman";
        }
        return "/";
    }
}
