package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;

/** Who asks about a complaint, as far as what they may see of it goes. */
enum Audience {
    /** Anyone, with or without a token: public complaints only, and never who reported them. */
    PUBLIC(false, false, false),
    /** The admin of the agency the complaint is assigned to: the reporter's name unless anonim. */
    ASSIGNED_AGENCY(true, true, false),
    /** Coordinators and the Ombudsman, who supervise: everything but contact details. */
    SUPERVISOR(true, true, true),
    /** Whoever presents the complaint's reporter secret. */
    REPORTER(true, true, true);

    final boolean seesConfidential;
    final boolean seesReporterName;
    /** Anonim hides the reporter from the reported party and the public, not from the supervisors. */
    final boolean seesAnonymousReporter;

    Audience(boolean seesConfidential, boolean seesReporterName, boolean seesAnonymousReporter) {
        this.seesConfidential = seesConfidential;
        this.seesReporterName = seesReporterName;
        this.seesAnonymousReporter = seesAnonymousReporter;
    }

    /**
     * @param actor from the token, or null without one
     * @param presentedSecretHash the hash of the reporter secret presented, or null
     */
    static Audience of(TrackedComplaint complaint, Actor actor, String presentedSecretHash) {
        if (ReporterSecret.matches(complaint.reporterSecretHash(), presentedSecretHash)) {
            return REPORTER;
        }
        if (actor != null && (actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN))) {
            return SUPERVISOR;
        }
        if (actor != null && actor.actsFor(complaint.agencyCode())) {
            return ASSIGNED_AGENCY;
        }
        return PUBLIC;
    }
}
