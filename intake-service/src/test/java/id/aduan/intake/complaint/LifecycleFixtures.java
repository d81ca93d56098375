package id.aduan.intake.complaint;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.Location;
import java.time.Instant;
import java.util.List;

/** The events of one complaint's life, for given/when/expect tests. */
final class LifecycleFixtures {

    static final String ID = "ADU-3F7KQ9M2XD";
    static final String DPUPR = "32.73.DPUPR";
    static final String DINKES = "32.73.DINKES";
    static final Instant T0 = Instant.parse("2026-03-02T01:15:00Z");
    /** The hash of the secret the reporter was handed at submission. */
    static final String SECRET_HASH = ReporterSecret.hash("rahasia-pelapor");

    private LifecycleFixtures() {
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static ComplaintSubmittedEvent submitted() {
        return new ComplaintSubmittedEvent(ID, new Submission(Channel.WEB, "Jalan berlubang", "Lubang besar.",
                "INFRA.ROAD", Location.of("32.73.01"), DPUPR, T0, false, false), T0, null, null, SECRET_HASH);
    }

    static ComplaintVerifiedEvent verified() {
        return new ComplaintVerifiedEvent(ID, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, "INFRA.ROAD", false, false, at(1),
                "32.73.01", "coordinator");
    }

    static ComplaintAssignedEvent assignedTo(String agency) {
        return new ComplaintAssignedEvent(ID, Destination.AGENCY, agency, at(2), null, null, null);
    }

    static ComplaintFollowedUpEvent followedUp() {
        return new ComplaintFollowedUpEvent(ID, DPUPR, "Sudah ditambal.", List.of(), at(3));
    }

    static ComplaintMarkedCompleteEvent markedComplete() {
        return new ComplaintMarkedCompleteEvent(ID, DPUPR, at(4));
    }

    static ComplaintReopenedEvent reopened(int reopening) {
        return new ComplaintReopenedEvent(ID, reopening, "Belum beres.", at(5));
    }

    static ComplaintCompletedEvent completed() {
        return new ComplaintCompletedEvent(ID, ComplaintCompleted.Reason.REPORTER_SATISFIED, null, at(6));
    }

    /** Submitted, verified, assigned to DPUPR and followed up by it. */
    static Object[] inProcess() {
        return new Object[] {submitted(), verified(), assignedTo(DPUPR), followedUp()};
    }

    static Object[] awaitingReporter() {
        return new Object[] {submitted(), verified(), assignedTo(DPUPR), followedUp(), markedComplete()};
    }

    static Object[] completedHistory() {
        return new Object[] {submitted(), verified(), assignedTo(DPUPR), followedUp(), markedComplete(), completed()};
    }
}
