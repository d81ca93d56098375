package id.aduan.reporting.complaints;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintRated;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.contracts.SlaClockStopped.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything the events said about one complaint, kept as a set of facts: each event adds its fact,
 * an event seen again adds nothing, and facts from different topics combine the same in any order.
 * Where two events could say different things about one field (they never do for the same
 * complaint), the earlier or smaller value is kept, so that even then the order does not matter.
 * Times are kept to the millisecond, as MongoDB stores them.
 *
 * @param submission null until the submission arrived
 * @param verification null until verified
 * @param assignments every assignment intake recorded: to an agency, or to the coordinators' queue (null agency)
 * @param forwards every routing step that took the complaint away from an agency
 * @param followUps every follow-up, by which agency and when
 * @param reopenings when the reporter reopened it
 * @param clocks every working-day clock, by clock id
 * @param rating the reporter's rating of the completed complaint, null until rated
 */
public record ComplaintFacts(
        String complaintId,
        Submission submission,
        Verification verification,
        Instant archivedAt,
        Instant completedAt,
        List<Assignment> assignments,
        List<Forward> forwards,
        List<FollowUp> followUps,
        List<Instant> reopenings,
        List<Clock> clocks,
        Rating rating) {

    /** {@code receivedAt}: when the citizen complained, from which a complaint's age counts (docs/metrics.md). */
    public record Submission(Channel channel, String categoryCode, String regionCode, Instant submittedAt, Instant receivedAt)
            implements Comparable<Submission> {

        @Override
        public int compareTo(Submission other) {
            return Comparator.comparing(Submission::submittedAt).thenComparing(Submission::toString).compare(this, other);
        }
    }

    /** @param regionCode the region a coordinator settled; null when the verification did not name one (the submitted one stands) */
    public record Verification(Classification classification, String categoryCode, Instant verifiedAt, String regionCode)
            implements Comparable<Verification> {

        @Override
        public int compareTo(Verification other) {
            return Comparator.comparing(Verification::verifiedAt).thenComparing(Verification::toString).compare(this, other);
        }
    }

    /** @param agencyCode null for the coordinators' queue */
    public record Assignment(String agencyCode, Instant at) implements Comparable<Assignment> {

        @Override
        public int compareTo(Assignment other) {
            return Comparator.comparing(Assignment::at)
                    .thenComparing(Assignment::agencyCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .compare(this, other);
        }
    }

    /** @param fromAgencyCode the agency that held the complaint before the step */
    public record Forward(String fromAgencyCode, Instant at) implements Comparable<Forward> {

        @Override
        public int compareTo(Forward other) {
            return Comparator.comparing(Forward::at).thenComparing(Forward::fromAgencyCode).compare(this, other);
        }
    }

    public record FollowUp(String agencyCode, Instant at) implements Comparable<FollowUp> {

        @Override
        public int compareTo(FollowUp other) {
            return Comparator.comparing(FollowUp::at).thenComparing(FollowUp::agencyCode).compare(this, other);
        }
    }

    /** The reporter's 1-5 score, given once after completion. */
    public record Rating(int score, Instant ratedAt) implements Comparable<Rating> {

        @Override
        public int compareTo(Rating other) {
            return Comparator.comparing(Rating::ratedAt).thenComparingInt(Rating::score).compare(this, other);
        }
    }

    /** A resumption of a paused clock and the due instant it moved the clock to. */
    public record Resumption(Instant at, Instant dueAt) implements Comparable<Resumption> {

        @Override
        public int compareTo(Resumption other) {
            return Comparator.comparing(Resumption::at).thenComparing(Resumption::dueAt).compare(this, other);
        }
    }

    /**
     * What the clock's events said: started (kind, agency, start, term, due), stopped (when,
     * outcome, working days used), breached, paused and resumed. Any field may still be unknown.
     *
     * @param agencyCode who must act; null for the national coordinators
     */
    public record Clock(
            String clockId,
            ClockKind kind,
            String agencyCode,
            Instant startedAt,
            Integer workingDays,
            Instant dueAt,
            Instant stoppedAt,
            Outcome outcome,
            Integer workingDaysUsed,
            Instant breachedAt,
            List<Instant> pauses,
            List<Resumption> resumptions) {

        public Clock {
            pauses = List.copyOf(pauses);
            resumptions = List.copyOf(resumptions);
        }

        static Clock of(String clockId, ClockKind kind, String agencyCode) {
            return new Clock(clockId, kind, agencyCode, null, null, null, null, null, null, null, List.of(), List.of());
        }

        Clock withBreach(Instant at) {
            return new Clock(clockId, kind, agencyCode, startedAt, workingDays, dueAt, stoppedAt, outcome, workingDaysUsed,
                    at, pauses, resumptions);
        }

        Clock merge(Clock other) {
            return new Clock(clockId, least(kind, other.kind), least(agencyCode, other.agencyCode),
                    least(startedAt, other.startedAt), least(workingDays, other.workingDays), least(dueAt, other.dueAt),
                    least(stoppedAt, other.stoppedAt), least(outcome, other.outcome),
                    least(workingDaysUsed, other.workingDaysUsed), least(breachedAt, other.breachedAt),
                    union(pauses, other.pauses), union(resumptions, other.resumptions));
        }

        /** Paused now: its latest pause came after its latest resumption. */
        public boolean paused() {
            Instant lastPause = pauses.isEmpty() ? null : pauses.get(pauses.size() - 1);
            Instant lastResume = resumptions.isEmpty() ? null : resumptions.get(resumptions.size() - 1).at();
            return lastPause != null && (lastResume == null || lastPause.isAfter(lastResume));
        }

        /** Its due instant now: moved by its latest resumption, if any. */
        public Instant currentDueAt() {
            return resumptions.isEmpty() ? dueAt : resumptions.get(resumptions.size() - 1).dueAt();
        }
    }

    public ComplaintFacts {
        Objects.requireNonNull(complaintId, "complaintId");
        assignments = List.copyOf(assignments);
        forwards = List.copyOf(forwards);
        followUps = List.copyOf(followUps);
        reopenings = List.copyOf(reopenings);
        clocks = List.copyOf(clocks);
    }

    public static ComplaintFacts none(String complaintId) {
        return new ComplaintFacts(complaintId, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null);
    }

    /** These facts and the one the event adds; the same facts for an event that says nothing the reports use. */
    public ComplaintFacts with(AduanEvent event) {
        if (!(event instanceof ComplaintEvent about) || !about.complaintId().equals(complaintId)) {
            return this;
        }
        if (about instanceof ComplaintSubmitted e) {
            return withSubmission(new Submission(e.channel(), e.categoryCode(), e.location().regionCode(), ms(e.submittedAt()),
                    ms(e.receivedAt())));
        }
        if (about instanceof ComplaintVerified e) {
            return withVerification(new Verification(e.classification(), e.categoryCode(), ms(e.verifiedAt()), e.regionCode()));
        }
        if (about instanceof ComplaintArchived e) {
            return copy(submission, verification, least(archivedAt, ms(e.archivedAt())), completedAt, assignments, forwards,
                    followUps, reopenings, clocks);
        }
        if (about instanceof ComplaintCompleted e) {
            return copy(submission, verification, archivedAt, least(completedAt, ms(e.completedAt())), assignments, forwards,
                    followUps, reopenings, clocks);
        }
        if (about instanceof ComplaintAssigned e) {
            return copy(submission, verification, archivedAt, completedAt,
                    union(assignments, List.of(new Assignment(e.agencyCode(), ms(e.assignedAt())))), forwards, followUps,
                    reopenings, clocks);
        }
        if (about instanceof ComplaintRouted e && e.previousAgencyCode() != null) {
            return copy(submission, verification, archivedAt, completedAt, assignments,
                    union(forwards, List.of(new Forward(e.previousAgencyCode(), ms(e.routedAt())))), followUps, reopenings, clocks);
        }
        if (about instanceof ComplaintFollowedUp e) {
            return copy(submission, verification, archivedAt, completedAt, assignments, forwards,
                    union(followUps, List.of(new FollowUp(e.agencyCode(), ms(e.followedUpAt())))), reopenings, clocks);
        }
        if (about instanceof ComplaintReopened e) {
            return copy(submission, verification, archivedAt, completedAt, assignments, forwards, followUps,
                    union(reopenings, List.of(ms(e.reopenedAt()))), clocks);
        }
        if (about instanceof SlaClockStarted e) {
            return withClock(new Clock(e.clockId(), e.kind(), e.agencyCode(), ms(e.startedAt()), e.workingDays(),
                    ms(e.dueAt()), null, null, null, null, List.of(), List.of()));
        }
        if (about instanceof SlaClockStopped e) {
            return withClock(new Clock(e.clockId(), e.kind(), e.agencyCode(), null, null, null, ms(e.stoppedAt()),
                    e.outcome(), e.workingDaysUsed(), null, List.of(), List.of()));
        }
        if (about instanceof SlaClockBreached e) {
            return withClock(Clock.of(e.clockId(), e.kind(), e.agencyCode()).withBreach(ms(e.dueAt())));
        }
        if (about instanceof SlaClockPaused e) {
            return withClock(new Clock(e.clockId(), e.kind(), e.agencyCode(), null, null, null, null, null, null, null,
                    List.of(ms(e.pausedAt())), List.of()));
        }
        if (about instanceof SlaClockResumed e) {
            return withClock(new Clock(e.clockId(), e.kind(), e.agencyCode(), null, null, null, null, null, null, null,
                    List.of(), List.of(new Resumption(ms(e.resumedAt()), ms(e.dueAt())))));
        }
        if (about instanceof ComplaintRated e) {
            return withRating(new Rating(e.score(), ms(e.ratedAt())));
        }
        // Deferral, information supplied, marking complete, warnings, an expired window and
        // routing steps that took the complaint from no agency: no figure depends on them.
        return this;
    }

    /**
     * The facts of both: what folding both sets of events gives, in whichever order. Lets a writer
     * that displaced another writer's document keep that writer's facts too.
     */
    public ComplaintFacts merge(ComplaintFacts other) {
        ComplaintFacts merged = copy(least(submission, other.submission), verification, least(archivedAt, other.archivedAt),
                least(completedAt, other.completedAt), union(assignments, other.assignments), union(forwards, other.forwards),
                union(followUps, other.followUps), union(reopenings, other.reopenings), clocks);
        merged = merged.withRating(other.rating);
        if (other.verification != null) {
            merged = merged.withVerification(other.verification);
        }
        for (Clock clock : other.clocks) {
            merged = merged.withClock(clock);
        }
        return merged;
    }

    private ComplaintFacts withSubmission(Submission next) {
        return copy(least(submission, next), verification, archivedAt, completedAt, assignments, forwards, followUps,
                reopenings, clocks);
    }

    /** A complaint is verified once; were there two verifications, the later one's classification, category and region count. */
    private ComplaintFacts withVerification(Verification next) {
        Verification latest = verification == null || next.compareTo(verification) > 0 ? next : verification;
        return copy(submission, latest, archivedAt, completedAt, assignments, forwards, followUps, reopenings, clocks);
    }

    /** Rated once; were there two ratings, the earlier one counts. */
    private ComplaintFacts withRating(Rating next) {
        return new ComplaintFacts(complaintId, submission, verification, archivedAt, completedAt, assignments, forwards,
                followUps, reopenings, clocks, least(rating, next));
    }

    private ComplaintFacts withClock(Clock next) {
        List<Clock> merged = new ArrayList<>(clocks);
        int known = -1;
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i).clockId().equals(next.clockId())) {
                known = i;
            }
        }
        if (known < 0) {
            merged.add(next);
            merged.sort(Comparator.comparing(Clock::clockId));
        } else {
            merged.set(known, merged.get(known).merge(next));
        }
        return copy(submission, verification, archivedAt, completedAt, assignments, forwards, followUps, reopenings, merged);
    }

    private ComplaintFacts copy(Submission submission, Verification verification, Instant archivedAt, Instant completedAt,
            List<Assignment> assignments, List<Forward> forwards, List<FollowUp> followUps, List<Instant> reopenings,
            List<Clock> clocks) {
        return new ComplaintFacts(complaintId, submission, verification, archivedAt, completedAt, assignments, forwards,
                followUps, reopenings, clocks, rating);
    }

    /** The complaint's agency now: the latest assignment's, null while none or when it lies with the coordinators. */
    public String currentAgency() {
        return assignments.isEmpty() ? null : assignments.get(assignments.size() - 1).agencyCode();
    }

    static Instant ms(Instant instant) {
        return instant == null ? null : Instant.ofEpochMilli(instant.toEpochMilli());
    }

    static <T extends Comparable<? super T>> T least(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** Both lists' elements, each once, in their natural order: the one form a set of facts is kept in. */
    static <T extends Comparable<? super T>> List<T> union(List<T> a, List<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
