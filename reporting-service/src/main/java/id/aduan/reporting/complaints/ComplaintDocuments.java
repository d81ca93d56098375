package id.aduan.reporting.complaints;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reporting.complaints.ComplaintFacts.Assignment;
import id.aduan.reporting.complaints.ComplaintFacts.Clock;
import id.aduan.reporting.complaints.ComplaintFacts.FollowUp;
import id.aduan.reporting.complaints.ComplaintFacts.Forward;
import id.aduan.reporting.complaints.ComplaintFacts.Rating;
import id.aduan.reporting.complaints.ComplaintFacts.Resumption;
import id.aduan.reporting.complaints.ComplaintFacts.Submission;
import id.aduan.reporting.complaints.ComplaintFacts.Verification;
import id.aduan.reporting.complaints.ComplaintSummary.AgencyShare;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A complaint's document in the {@code complaints} collection: its facts, which are the truth, and
 * the summary derived from them, which the report queries read (field names in docs/metrics.md).
 * Stored through the driver's record codec: enums by name, instants as BSON dates, dates and zones as
 * text, as before; a null field is absent (it was an explicit null, and no query tells the two apart).
 * The records are public, as the codec requires.
 */
public final class ComplaintDocuments {

    public static final String FACTS = "facts";

    private ComplaintDocuments() {
    }

    /**
     * The whole document, replaced on every change. A tally stays a {@link Document} of its
     * {@link Tally#FIELDS}: stored before a field existed, it counts that field zero, which a record would refuse.
     */
    public record Stored(@BsonId String complaintId, @BsonProperty(FACTS) Facts facts, boolean counted, String agency,
            List<Overdue> overdue, Instant submittedAt, String zone, String submittedOn, Channel channel, String category,
            Classification classification, Region region, Document tally, List<Share> agencies) {
    }

    public record Overdue(String clockId, ClockKind kind, String agency, Instant dueAt) {
    }

    public record Region(String province, String regency, String district) {
    }

    public record Share(String agency, String level, String province, String zone, String submittedOn, Document tally) {
    }

    /** The facts; lists absent from a document read as empty, a submission without receivedAt as received when submitted. */
    public record Facts(StoredSubmission submission, StoredVerification verification, Instant archivedAt, Instant completedAt,
            List<AgencyAt> assignments, List<FromAt> forwards, List<AgencyAt> followUps, List<Instant> reopenings,
            List<StoredClock> clocks, StoredRating rating) {
    }

    public record StoredSubmission(Channel channel, String category, String region, Instant at, Instant receivedAt) {
    }

    public record StoredVerification(Classification classification, String category, String region, Instant at) {
    }

    public record AgencyAt(String agency, Instant at) {
    }

    public record FromAt(String from, Instant at) {
    }

    public record StoredRating(int score, Instant at) {
    }

    public record StoredClock(String id, ClockKind kind, String agency, Instant startedAt, Integer workingDays, Instant dueAt,
            Instant stoppedAt, Outcome outcome, Integer workingDaysUsed, Instant breachedAt, List<Instant> pauses,
            List<Resumption> resumptions) {
    }

    public static Stored toStored(ComplaintFacts facts, ComplaintSummary summary) {
        List<Overdue> overdue = summary.overdue().stream()
                .map(clock -> new Overdue(clock.clockId(), clock.kind(), clock.agencyCode(), clock.dueAt())).toList();
        if (!summary.counted()) {
            return new Stored(facts.complaintId(), stored(facts), false, summary.agency(), overdue, null, null, null, null, null,
                    null, null, null, null);
        }
        return new Stored(facts.complaintId(), stored(facts), true, summary.agency(), overdue, summary.submittedAt(),
                summary.zone().getId(), summary.submittedOn().toString(), summary.channel(), summary.category(),
                summary.classification(),
                new Region(summary.region().province(), summary.region().regency(), summary.region().district()),
                summary.national().toDocument(), summary.agencies().stream().map(ComplaintDocuments::share).toList());
    }

    private static Share share(AgencyShare share) {
        return new Share(share.agency().code(), share.agency().level().name(), share.agency().province(), share.zone().getId(),
                share.submittedOn().toString(), share.tally().toDocument());
    }

    private static Facts stored(ComplaintFacts facts) {
        Submission s = facts.submission();
        Verification v = facts.verification();
        Rating r = facts.rating();
        return new Facts(
                s == null ? null : new StoredSubmission(s.channel(), s.categoryCode(), s.regionCode(), s.submittedAt(), s.receivedAt()),
                v == null ? null : new StoredVerification(v.classification(), v.categoryCode(), v.regionCode(), v.verifiedAt()),
                facts.archivedAt(), facts.completedAt(),
                facts.assignments().stream().map(a -> new AgencyAt(a.agencyCode(), a.at())).toList(),
                facts.forwards().stream().map(f -> new FromAt(f.fromAgencyCode(), f.at())).toList(),
                facts.followUps().stream().map(f -> new AgencyAt(f.agencyCode(), f.at())).toList(),
                facts.reopenings(),
                facts.clocks().stream().map(c -> new StoredClock(c.clockId(), c.kind(), c.agencyCode(), c.startedAt(),
                        c.workingDays(), c.dueAt(), c.stoppedAt(), c.outcome(), c.workingDaysUsed(), c.breachedAt(), c.pauses(),
                        c.resumptions())).toList(),
                r == null ? null : new StoredRating(r.score(), r.ratedAt()));
    }

    /** The facts a stored document holds; none for a complaint not stored yet. */
    public static ComplaintFacts factsOf(String complaintId, Stored document) {
        if (document == null) {
            return ComplaintFacts.none(complaintId);
        }
        Facts facts = document.facts();
        StoredSubmission s = facts.submission();
        StoredVerification v = facts.verification();
        // Absent from documents written before ratings were kept: a rebuild brings those ratings in.
        StoredRating r = facts.rating();
        return new ComplaintFacts(complaintId,
                s == null ? null : new Submission(s.channel(), s.category(), s.region(), s.at(),
                        // Stored before receivedAt was kept: the submission's own time, as it was counted then.
                        s.receivedAt() != null ? s.receivedAt() : s.at()),
                v == null ? null : new Verification(v.classification(), v.category(), v.at(), v.region()),
                facts.archivedAt(),
                facts.completedAt(),
                list(facts.assignments(), a -> new Assignment(a.agency(), a.at())),
                list(facts.forwards(), f -> new Forward(f.from(), f.at())),
                list(facts.followUps(), f -> new FollowUp(f.agency(), f.at())),
                list(facts.reopenings(), Function.identity()),
                list(facts.clocks(), c -> new Clock(c.id(), c.kind(), c.agency(), c.startedAt(), c.workingDays(), c.dueAt(),
                        c.stoppedAt(), c.outcome(), c.workingDaysUsed(), c.breachedAt(), list(c.pauses(), Function.identity()),
                        list(c.resumptions(), Function.identity()))),
                r == null ? null : new Rating(r.score(), r.at()));
    }

    private static <S, T> List<T> list(List<S> stored, Function<S, T> reader) {
        return stored == null ? List.of() : stored.stream().map(reader).toList();
    }
}
