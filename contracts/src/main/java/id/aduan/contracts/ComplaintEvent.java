package id.aduan.contracts;

/** An event in one complaint's life, keyed by the complaint's tracking id. */
public sealed interface ComplaintEvent extends AduanEvent permits ComplaintSubmitted, ComplaintVerified,
        ComplaintArchived, ComplaintDeferred, InformationSupplied, ComplaintAssigned, ComplaintFollowedUp,
        ComplaintMarkedComplete, ComplaintReopened, ComplaintCompleted, ComplaintRated, ComplaintRouted,
        SlaClockStarted, SlaClockStopped, SlaClockWarning, SlaClockBreached, SlaClockPaused, SlaClockResumed,
        ReporterWindowExpired, QuestionAsked, QuestionClosed, QuestionExpired {

    /** The tracking id of the complaint. */
    String complaintId();

    @Override
    default String subject() {
        return complaintId();
    }
}
