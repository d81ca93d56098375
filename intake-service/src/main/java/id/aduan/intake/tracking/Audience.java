package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;

/** Who asks about a complaint, as far as what they may see of it goes (docs/personal-data.md). */
enum Audience {
    /** Anyone, with or without a token: public complaints only, and never who reported them. */
    PUBLIC(false, Identity.NONE),
    /** The admin of the agency the complaint is assigned to, or the liaison officer of the unit it was handed to. */
    ASSIGNED_AGENCY(true, Identity.NAME),
    /** The Ombudsman supervises how complaints are handled: the reporter's name, no contact details. */
    OMBUDSMAN(true, Identity.NAME),
    /** National coordinators verify complaints, and may need to reach the reporter to do so. */
    COORDINATOR(true, Identity.FULL),
    /** Whoever presents the complaint's reporter secret: the reporter, who sees what they gave. */
    REPORTER(true, Identity.FULL);

    /** How much of the reporter's identity an audience sees. */
    enum Identity {
        NONE,
        NAME,
        FULL
    }

    final boolean seesConfidential;
    private final Identity identity;

    Audience(boolean seesConfidential, Identity identity) {
        this.seesConfidential = seesConfidential;
        this.identity = identity;
    }

    /** Anonim hides the reporter from everyone but the reporter. */
    Identity identityOf(boolean anonymous) {
        return anonymous && this != REPORTER ? Identity.NONE : identity;
    }

    /**
     * @param actor from the token, or null without one
     * @param presentedSecretHash the hash of the reporter secret presented, or null
     */
    static Audience of(TrackedComplaint complaint, Actor actor, String presentedSecretHash) {
        if (ReporterSecret.matches(complaint.reporterSecretHash(), presentedSecretHash)) {
            return REPORTER;
        }
        if (actor == null) {
            return PUBLIC;
        }
        if (actor.has(Role.COORDINATOR)) {
            return COORDINATOR;
        }
        if (actor.has(Role.OMBUDSMAN)) {
            return OMBUDSMAN;
        }
        if (actor.actsFor(complaint.agencyCode()) || actor.actsFor(complaint.unitCode())) {
            return ASSIGNED_AGENCY;
        }
        return PUBLIC;
    }
}
