package id.aduan.reporting;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.Location;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.contracts.SlaClockWarning;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A complaint's life as the events intake, routing and sla publish about it, written step by step.
 * The working days a clock used are given by the test, computed by hand on the government calendar:
 * reporting takes them from sla and never counts days itself. Due dates are only placeholders.
 */
public final class History {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final String complaintId;
    private final List<AduanEvent> events = new ArrayList<>();
    private String agency;
    private Instant assignedAt;
    private Instant verifiedAt;
    private Classification classification;
    private SlaClockStarted verificationClock;
    private SlaClockStarted followUpClock;
    private int clocks;
    private int hops;

    private History(String complaintId) {
        this.complaintId = complaintId;
    }

    /** A regional agency of Kota Bandung no other test uses. */
    public static String newAgencyCode() {
        StringBuilder name = new StringBuilder("32.73.T");
        ThreadLocalRandom.current().ints(8, 0, LETTERS.length()).forEach(i -> name.append(LETTERS.charAt(i)));
        return name.toString();
    }

    public static History submitted(String complaintId, Channel channel, String categoryCode, String regionCode, Instant at) {
        return typedIn(complaintId, channel, categoryCode, regionCode, at, at);
    }

    /** Received from the citizen at {@code receivedAt}, entered at {@code at}; sla's clock counts from the first. */
    public static History typedIn(String complaintId, Channel channel, String categoryCode, String regionCode,
            Instant receivedAt, Instant at) {
        History history = new History(complaintId);
        history.events.add(new ComplaintSubmitted(complaintId, channel, "Jalan berlubang di depan SDN 1",
                "Lubang besar di Jalan Merdeka sejak dua minggu.", categoryCode, Location.of(regionCode), null, receivedAt, at,
                false, false, null));
        history.verificationClock = history.start(ClockKind.VERIFICATION, null, receivedAt, 3);
        return history;
    }

    public String complaintId() {
        return complaintId;
    }

    public List<AduanEvent> events() {
        return List.copyOf(events);
    }

    /** Routing's step and intake's record of it; a forward stops the old agency's follow-up clock and starts the new one's. */
    public History routedTo(String agencyCode, Instant at) {
        String previous = agency;
        Step step = hops == 0 && previous == null ? Step.ROUTED : Step.FORWARDED;
        events.add(new ComplaintRouted(complaintId, Destination.AGENCY, agencyCode, "local-roads", "test routing", at, step,
                step == Step.ROUTED ? 0 : ++hops, previous, step == Step.ROUTED ? null : "agency-admin",
                step == Step.ROUTED ? null : "not our authority", "test"));
        events.add(new ComplaintAssigned(complaintId, Destination.AGENCY, agencyCode, at));
        if (followUpClock != null) {
            stop(followUpClock, at, Outcome.MET, 0);
            followUpClock = null;
        }
        agency = agencyCode;
        assignedAt = at;
        startFollowUpOnceDisposed();
        return this;
    }

    public History verified(Classification verifiedAs, Instant at, int verificationWorkingDays, Outcome outcome) {
        events.add(new ComplaintVerified(complaintId, verifiedAs, categoryCode(), false, false, at));
        stop(verificationClock, at, outcome, verificationWorkingDays);
        verifiedAt = at;
        classification = verifiedAs;
        startFollowUpOnceDisposed();
        return this;
    }

    public History archived(Instant at, int verificationWorkingDays) {
        events.add(new ComplaintArchived(complaintId, ComplaintArchived.Reason.DUPLICATE, null, at));
        stop(verificationClock, at, Outcome.MET, verificationWorkingDays);
        return this;
    }

    /** A follow-up by the agency holding it; the first one stops its follow-up clock. */
    public History followedUp(Instant at, int followUpWorkingDays, Outcome outcome) {
        events.add(new ComplaintFollowedUp(complaintId, agency, "Sudah ditindaklanjuti.", List.of(), at));
        if (followUpClock != null) {
            stop(followUpClock, at, outcome, followUpWorkingDays);
            followUpClock = null;
        }
        return this;
    }

    /** The running follow-up clock has one working day left. */
    public History followUpWarned() {
        events.add(new SlaClockWarning(complaintId, followUpClock.clockId(), ClockKind.FOLLOW_UP, agency, followUpClock.dueAt(),
                followUpClock.dueAt().minus(Duration.ofDays(1))));
        return this;
    }

    /** The running follow-up clock passed its due instant. */
    public History followUpBreached() {
        events.add(new SlaClockBreached(complaintId, followUpClock.clockId(), ClockKind.FOLLOW_UP, agency, followUpClock.dueAt()));
        return this;
    }

    public History verificationBreached() {
        events.add(new SlaClockBreached(complaintId, verificationClock.clockId(), ClockKind.VERIFICATION, null,
                verificationClock.dueAt()));
        return this;
    }

    public History completed(Instant markedAt, Instant completedAt) {
        events.add(new ComplaintMarkedComplete(complaintId, agency, markedAt));
        SlaClockStarted window = start(ClockKind.REPORTER_WINDOW, agency, markedAt, 10);
        events.add(new ComplaintCompleted(complaintId, ComplaintCompleted.Reason.REPORTER_SATISFIED, completedAt));
        stop(window, completedAt, Outcome.MET, 1);
        return this;
    }

    /** The reporter rated the completed complaint 1 to 5. */
    public History rated(int score, Instant at) {
        events.add(new ComplaintRated(complaintId, score, at));
        return this;
    }

    private void startFollowUpOnceDisposed() {
        if (verifiedAt != null && agency != null && followUpClock == null) {
            Instant disposedAt = verifiedAt.isAfter(assignedAt) ? verifiedAt : assignedAt;
            followUpClock = start(ClockKind.FOLLOW_UP, agency, disposedAt,
                    classification == Classification.COMPLAINT_SUPERVISORY_WEIGHT ? 60 : 14);
        }
    }

    private SlaClockStarted start(ClockKind kind, String agencyCode, Instant at, int workingDays) {
        Instant dueAt = at.plus(Duration.ofDays(workingDays + workingDays / 5 * 2L + 2));
        SlaClockStarted started = new SlaClockStarted(complaintId, complaintId + "-clock-" + (++clocks), kind, agencyCode,
                WIB.getId(), at, workingDays, dueAt.atZone(WIB).toLocalDate().minusDays(1), dueAt);
        events.add(started);
        return started;
    }

    private void stop(SlaClockStarted clock, Instant at, Outcome outcome, int workingDaysUsed) {
        events.add(new SlaClockStopped(complaintId, clock.clockId(), clock.kind(), clock.agencyCode(), at, outcome,
                workingDaysUsed));
    }

    private String categoryCode() {
        return ((ComplaintSubmitted) events.get(0)).categoryCode();
    }
}
