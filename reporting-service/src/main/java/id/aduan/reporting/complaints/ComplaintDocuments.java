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
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * A complaint's document in the {@code complaints} collection: its facts, which are the truth, and
 * the summary derived from them, which the report queries read (field names in docs/metrics.md).
 */
public final class ComplaintDocuments {

    public static final String FACTS = "facts";

    private ComplaintDocuments() {
    }

    public static Document toDocument(ComplaintFacts facts, ComplaintSummary summary) {
        Document document = new Document("_id", facts.complaintId())
                .append(FACTS, factsDocument(facts))
                .append("counted", summary.counted())
                .append("agency", summary.agency())
                .append("overdue", summary.overdue().stream().map(clock -> new Document("clockId", clock.clockId())
                        .append("kind", clock.kind().name())
                        .append("agency", clock.agencyCode())
                        .append("dueAt", date(clock.dueAt()))).toList());
        if (summary.counted()) {
            document.append("submittedAt", date(summary.submittedAt()))
                    .append("zone", summary.zone().getId())
                    .append("submittedOn", summary.submittedOn().toString())
                    .append("channel", summary.channel().name())
                    .append("category", summary.category())
                    .append("classification", summary.classification() == null ? null : summary.classification().name())
                    .append("region", new Document("province", summary.region().province())
                            .append("regency", summary.region().regency())
                            .append("district", summary.region().district()))
                    .append("tally", summary.national().toDocument())
                    .append("agencies", summary.agencies().stream().map(ComplaintDocuments::shareDocument).toList());
        }
        return document;
    }

    private static Document shareDocument(AgencyShare share) {
        return new Document("agency", share.agency().code())
                .append("level", share.agency().level().name())
                .append("province", share.agency().province())
                .append("zone", share.zone().getId())
                .append("submittedOn", share.submittedOn().toString())
                .append("tally", share.tally().toDocument());
    }

    private static Document factsDocument(ComplaintFacts facts) {
        Document document = new Document();
        if (facts.submission() != null) {
            Submission s = facts.submission();
            document.append("submission", new Document("channel", s.channel().name()).append("category", s.categoryCode())
                    .append("region", s.regionCode()).append("at", date(s.submittedAt()))
                    .append("receivedAt", date(s.receivedAt())));
        }
        if (facts.verification() != null) {
            Verification v = facts.verification();
            document.append("verification", new Document("classification", v.classification().name())
                    .append("category", v.categoryCode()).append("region", v.regionCode()).append("at", date(v.verifiedAt())));
        }
        return document.append("archivedAt", date(facts.archivedAt()))
                .append("completedAt", date(facts.completedAt()))
                .append("assignments", facts.assignments().stream()
                        .map(a -> new Document("agency", a.agencyCode()).append("at", date(a.at()))).toList())
                .append("forwards", facts.forwards().stream()
                        .map(f -> new Document("from", f.fromAgencyCode()).append("at", date(f.at()))).toList())
                .append("followUps", facts.followUps().stream()
                        .map(f -> new Document("agency", f.agencyCode()).append("at", date(f.at()))).toList())
                .append("reopenings", facts.reopenings().stream().map(ComplaintDocuments::date).toList())
                .append("clocks", facts.clocks().stream().map(ComplaintDocuments::clockDocument).toList())
                .append("rating", facts.rating() == null ? null
                        : new Document("score", facts.rating().score()).append("at", date(facts.rating().ratedAt())));
    }

    private static Document clockDocument(Clock clock) {
        return new Document("id", clock.clockId())
                .append("kind", clock.kind() == null ? null : clock.kind().name())
                .append("agency", clock.agencyCode())
                .append("startedAt", date(clock.startedAt()))
                .append("workingDays", clock.workingDays())
                .append("dueAt", date(clock.dueAt()))
                .append("stoppedAt", date(clock.stoppedAt()))
                .append("outcome", clock.outcome() == null ? null : clock.outcome().name())
                .append("workingDaysUsed", clock.workingDaysUsed())
                .append("breachedAt", date(clock.breachedAt()))
                .append("pauses", clock.pauses().stream().map(ComplaintDocuments::date).toList())
                .append("resumptions", clock.resumptions().stream()
                        .map(r -> new Document("at", date(r.at())).append("dueAt", date(r.dueAt()))).toList());
    }

    /** The facts a stored document holds; none for a complaint not stored yet. */
    public static ComplaintFacts factsOf(String complaintId, Document document) {
        if (document == null) {
            return ComplaintFacts.none(complaintId);
        }
        Document facts = document.get(FACTS, Document.class);
        Document s = facts.get("submission", Document.class);
        Document v = facts.get("verification", Document.class);
        // Absent from documents written before ratings were kept: a rebuild brings those ratings in.
        Document r = facts.get("rating", Document.class);
        return new ComplaintFacts(complaintId,
                s == null ? null : new Submission(Channel.valueOf(s.getString("channel")), s.getString("category"),
                        s.getString("region"), instant(s.getDate("at")),
                        // Stored before receivedAt was kept: the submission's own time, as it was counted then.
                        instant(s.getDate(s.containsKey("receivedAt") ? "receivedAt" : "at"))),
                v == null ? null : new Verification(Classification.valueOf(v.getString("classification")),
                        v.getString("category"), instant(v.getDate("at")), v.getString("region")),
                instant(facts.getDate("archivedAt")),
                instant(facts.getDate("completedAt")),
                list(facts, "assignments", a -> new Assignment(a.getString("agency"), instant(a.getDate("at")))),
                list(facts, "forwards", f -> new Forward(f.getString("from"), instant(f.getDate("at")))),
                list(facts, "followUps", f -> new FollowUp(f.getString("agency"), instant(f.getDate("at")))),
                facts.getList("reopenings", Date.class).stream().map(ComplaintDocuments::instant).toList(),
                list(facts, "clocks", ComplaintDocuments::clockOf),
                r == null ? null : new Rating(r.getInteger("score"), instant(r.getDate("at"))));
    }

    private static Clock clockOf(Document c) {
        String kind = c.getString("kind");
        String outcome = c.getString("outcome");
        return new Clock(c.getString("id"), kind == null ? null : ClockKind.valueOf(kind), c.getString("agency"),
                instant(c.getDate("startedAt")), c.getInteger("workingDays"), instant(c.getDate("dueAt")),
                instant(c.getDate("stoppedAt")), outcome == null ? null : Outcome.valueOf(outcome),
                c.getInteger("workingDaysUsed"), instant(c.getDate("breachedAt")),
                c.getList("pauses", Date.class).stream().map(ComplaintDocuments::instant).toList(),
                list(c, "resumptions", r -> new Resumption(instant(r.getDate("at")), instant(r.getDate("dueAt")))));
    }

    private static <T> List<T> list(Document document, String field, Function<Document, T> reader) {
        return document.getList(field, Document.class).stream().map(reader).toList();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
