package id.aduan.intake.tracking;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.platform.security.Actor;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.platform.web.ProblemResponses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the {@value #COLLECTION} collection that {@link TrackingProjection} writes. Reads use the
 * reactive driver, so a request never holds an event-loop thread while MongoDB answers.
 */
@Component
public class ComplaintViews {

    static final String COLLECTION = "complaint-views";
    /** The reporter's sealed identity and reference. */
    static final String REPORTER = "reporter";
    /** The submission time as a date, for ranges. */
    static final String SUBMITTED_ON = "submittedOn";

    private final MongoCollection<Document> views;

    ComplaintViews(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION);
    }

    /**
     * For the public list queries on real MongoDB (docs/tracking.md, "Hot path"); every per-event
     * and per-request access is by {@code _id}.
     */
    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("confidential"), Indexes.descending(SUBMITTED_ON))),
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("confidential", "categoryCode"),
                    Indexes.descending(SUBMITTED_ON))));

    Mono<Void> createIndexes() {
        return Flux.from(views.createIndexes(INDEXES)).then();
    }

    /** The answer about a complaint that does not exist, or that the caller may not know exists: the same. */
    static ErrorResponseException notFound(String trackingId) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "No complaint " + trackingId + ".");
    }

    Mono<TrackedComplaint> find(String trackingId) {
        return Mono.from(views.find(Filters.eq("_id", trackingId)).first())
                // A view whose submission the projection has not reached yet is not a complaint yet.
                .filter(view -> view.containsKey("status"))
                .map(ComplaintViews::trackedComplaint);
    }

    /**
     * One of a complaint's files, when this caller may see the complaint ({@link Audience}, as for
     * tracking it); nothing when they may not know it exists, exactly as for a file it does not have.
     *
     * @param actor from the token, or null without one
     * @param presentedSecretHash the hash of the reporter secret presented, or null
     */
    public Mono<Attachment> findAttachment(String trackingId, String attachmentId, Actor actor, String presentedSecretHash) {
        return find(trackingId)
                .filter(complaint -> complaint.visibleTo(Audience.of(complaint, actor, presentedSecretHash)))
                .flatMap(complaint -> Mono.justOrEmpty(complaint.attachment(attachmentId)));
    }

    /** A complaint as the public sees it: nothing when it is confidential (rahasia) or unknown. */
    public Mono<Tracking> findPublic(String trackingId) {
        return find(trackingId).flatMap(complaint -> Mono.justOrEmpty(complaint.shownTo(Audience.PUBLIC, Optional.empty())));
    }

    /**
     * Public complaints, newest submission first.
     *
     * @param trackingIds only these when not empty
     * @param categoryCodes only these categories (not their subcategories) when not empty
     * @param submittedFrom only those submitted at or after, when not null
     * @param submittedUntil only those submitted at or before, when not null
     * @param statuses only those in one of these when not empty
     */
    public record PublicQuery(List<String> trackingIds, List<String> categoryCodes, Instant submittedFrom,
            Instant submittedUntil, Set<ComplaintStatus> statuses, int limit) {
    }

    public Flux<Tracking> findPublic(PublicQuery query) {
        if (!query.trackingIds().isEmpty()) {
            // By _id alone, a point read of each id; the public audience leaves out confidential ones.
            return Flux.from(views.find(Filters.in("_id", query.trackingIds())).limit(query.limit()))
                    .filter(view -> view.containsKey("status"))
                    .sort(Comparator.comparing((Document view) -> view.getDate(SUBMITTED_ON)).reversed())
                    .map(ComplaintViews::trackedComplaint)
                    .flatMap(complaint -> Mono.justOrEmpty(complaint.shownTo(Audience.PUBLIC, Optional.empty())));
        }
        // Confidential ones are left out by the query and, whatever the query, by the public audience.
        // Selected and ordered through {confidential, submittedOn} or {confidential, categoryCode, submittedOn}.
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("confidential", false), Filters.exists("status")));
        if (!query.categoryCodes().isEmpty()) {
            conditions.add(Filters.in("categoryCode", query.categoryCodes()));
        }
        if (query.submittedFrom() != null) {
            conditions.add(Filters.gte(SUBMITTED_ON, Date.from(query.submittedFrom())));
        }
        if (query.submittedUntil() != null) {
            conditions.add(Filters.lte(SUBMITTED_ON, Date.from(query.submittedUntil())));
        }
        if (!query.statuses().isEmpty()) {
            conditions.add(Filters.in("status", query.statuses().stream().map(ComplaintStatus::name).toList()));
        }
        return Flux.from(views.find(Filters.and(conditions)).sort(Sorts.descending(SUBMITTED_ON)).limit(query.limit()))
                .map(ComplaintViews::trackedComplaint)
                .flatMap(complaint -> Mono.justOrEmpty(complaint.shownTo(Audience.PUBLIC, Optional.empty())));
    }

    /** A step as stored: under the id of the event that recorded it, with that event's sequence number for order. */
    static Document stepDocument(long sequence, Step step) {
        return new Document("sequence", sequence).append("step", step.step())
                // Text keeps the instant exactly; a Date would cut it to milliseconds.
                .append("at", step.at().toString()).append("description", step.description())
                .append("agencyCode", step.agencyCode()).append("text", step.text())
                .append("actor", step.actor()).append("caseText", step.caseText())
                .append("attachments", step.attachments() == null ? null : step.attachments().stream()
                        .map(attachment -> new Document("id", attachment.id()).append("name", attachment.name())
                                .append("mediaType", attachment.mediaType()).append("size", attachment.size())
                                .append("sha256", attachment.sha256()))
                        .toList());
    }

    private static List<Attachment> attachments(Document step) {
        List<Document> attachments = step.getList("attachments", Document.class);
        return attachments == null ? null : attachments.stream()
                .map(attachment -> new Attachment(attachment.getString("id"), attachment.getString("name"),
                        attachment.getString("mediaType"), attachment.get("size", Number.class).longValue(),
                        attachment.getString("sha256")))
                .toList();
    }

    private static Double number(Document view, String field) {
        Object value = view.get(field);
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static TrackedComplaint trackedComplaint(Document view) {
        Document steps = view.get("steps", new Document());
        List<Step> timeline = steps.values().stream().map(Document.class::cast)
                .sorted(Comparator.comparingLong(step -> ((Number) step.get("sequence")).longValue()))
                .map(step -> new Step(step.getString("step"), Instant.parse(step.getString("at")),
                        step.getString("description"), step.getString("agencyCode"), step.getString("text"),
                        step.getString("actor"), step.getString("caseText"), attachments(step)))
                .toList();
        return new TrackedComplaint(view.getString("_id"), ComplaintStatus.valueOf(view.getString("status")),
                view.getString("title"), view.getString("description"), view.getString("categoryCode"),
                view.getString("regionCode"), number(view, "latitude"), number(view, "longitude"), view.getString("address"),
                view.getString("channel"), Instant.parse(view.getString("submittedAt")),
                view.getString("classification"), view.getBoolean("anonymous", false), view.getBoolean("confidential", false),
                view.getString("agencyCode"), view.getString("unitCode"), sealed(view.get(REPORTER, Document.class)),
                view.getEmbedded(List.of(REPORTER, "ref"), String.class), view.getString("reporterSecretHash"), timeline);
    }

    /** The reporter as the view keeps them: sealed with their key, under their complaint's reference. */
    static Document reporterDocument(String reporterRef, SealedReporter sealed) {
        return new Document("ref", reporterRef).append("key", sealed.key()).append("ciphertext", sealed.ciphertext());
    }

    private static SealedReporter sealed(Document reporter) {
        return reporter == null ? null : new SealedReporter(reporter.getString("key"), reporter.getString("ciphertext"));
    }
}
