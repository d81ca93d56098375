package id.aduan.intake.complaint;

/** Where a complaint is in its lifecycle (docs/events.md draws the transitions). */
public enum ComplaintStatus {
    /** Submitted, or the reporter supplied the information asked for: a coordinator must verify it. */
    AWAITING_VERIFICATION,
    /** Deferred (ditunda): waiting for information from the reporter. */
    DEFERRED,
    /** Archived with a reason instead of verified; final. */
    ARCHIVED,
    /** Verified and classified; waiting for the assigned agency's first follow-up. */
    VERIFIED,
    /** Followed up by the agency, or reopened by the reporter. */
    IN_PROCESS,
    /** The agency marked it complete; the reporter may answer until their window expires. */
    AWAITING_REPORTER,
    /** Completed (selesai); only a rating may follow. */
    COMPLETED
}
