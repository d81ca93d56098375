package id.aduan.routing.subscription;

import id.aduan.contracts.Codes;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemResponses;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Who may do what with an agency's subscriptions: the agency itself, and coordinators may look. */
public final class AgencyAccess {

    private static final Pattern AGENCY_CODE = Pattern.compile(Codes.AGENCY);

    private AgencyAccess() {
    }

    /** Only the agency's own admin manages its subscriptions. */
    public static void requireAgency(Actor actor, String agencyCode) {
        requireAgencyCode(agencyCode);
        if (!isTheAgency(actor, agencyCode)) {
            throw forbidden(agencyCode);
        }
    }

    /** The agency's own admin, or a national coordinator, may watch its events and see its subscriptions. */
    public static void requireWatcher(Actor actor, String agencyCode) {
        requireAgencyCode(agencyCode);
        if (!isTheAgency(actor, agencyCode) && !actor.has(Role.COORDINATOR)) {
            throw forbidden(agencyCode);
        }
    }

    /** The agency's admin; not a liaison officer of one of its units, who sees only its unit's complaints. */
    private static boolean isTheAgency(Actor actor, String agencyCode) {
        return actor.has(Role.AGENCY) && agencyCode.equals(actor.agencyCode());
    }

    private static void requireAgencyCode(String agencyCode) {
        if (!AGENCY_CODE.matcher(agencyCode).matches()) {
            throw ProblemResponses.invalidField("code", "is not an agency code such as 32.73.DUKCAPIL or KEMENKES");
        }
    }

    private static ErrorResponseException forbidden(String agencyCode) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "Only agency " + agencyCode + " may do this with its subscriptions.");
    }
}
