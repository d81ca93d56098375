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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private final MongoCollection<View> views;

    ComplaintViews(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION, View.class);
    }

    /**
     * For the public list queries on real MongoDB (docs/tracking.md, "Hot path"); every per-event
     * and per-request access is by {@code _id}.
     */
    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.compoundIndex(Indexes.ascending(View.CONFIDENTIAL), Indexes.descending(View.SUBMITTED_ON))),
            new IndexModel(Indexes.compoundIndex(Indexes.ascending(View.CONFIDENTIAL, View.CATEGORY_CODE),
                    Indexes.descending(View.SUBMITTED_ON))));

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
                .filter(view -> view.status() != null)
                .map(View::trackedComplaint);
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
                    .filter(view -> view.status() != null)
                    .sort(Comparator.comparing(View::submittedOn).reversed())
                    .map(View::trackedComplaint)
                    .flatMap(complaint -> Mono.justOrEmpty(complaint.shownTo(Audience.PUBLIC, Optional.empty())));
        }
        // Confidential ones are left out by the query and, whatever the query, by the public audience.
        // Selected and ordered through {confidential, submittedOn} or {confidential, categoryCode, submittedOn}.
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(View.CONFIDENTIAL, false), Filters.exists(View.STATUS)));
        if (!query.categoryCodes().isEmpty()) {
            conditions.add(Filters.in(View.CATEGORY_CODE, query.categoryCodes()));
        }
        if (query.submittedFrom() != null) {
            conditions.add(Filters.gte(View.SUBMITTED_ON, Date.from(query.submittedFrom())));
        }
        if (query.submittedUntil() != null) {
            conditions.add(Filters.lte(View.SUBMITTED_ON, Date.from(query.submittedUntil())));
        }
        if (!query.statuses().isEmpty()) {
            conditions.add(Filters.in(View.STATUS, query.statuses().stream().map(ComplaintStatus::name).toList()));
        }
        return Flux.from(views.find(Filters.and(conditions)).sort(Sorts.descending(View.SUBMITTED_ON)).limit(query.limit()))
                .map(View::trackedComplaint)
                .flatMap(complaint -> Mono.justOrEmpty(complaint.shownTo(Audience.PUBLIC, Optional.empty())));
    }

    /**
     * A complaint's view as stored, under its tracking id. {@link TrackingProjection} writes it field by
     * field, one upsert per event setting the fields the event decides under the names declared here, and
     * the event's step under {@value #STEPS}.&lt;event id&gt;; it is read whole. Status, channel and
     * classification by name, submittedAt as text (exact to the nanosecond) and submittedOn as a date,
     * as before; a field never set, or stored as null, reads as null. Public, as the driver's record codec requires.
     */
    public record View(@BsonId String trackingId, @BsonProperty(STATUS) ComplaintStatus status, @BsonProperty(TITLE) String title,
            @BsonProperty(DESCRIPTION) String description, @BsonProperty(CATEGORY_CODE) String categoryCode,
            @BsonProperty(REGION_CODE) String regionCode, @BsonProperty(LATITUDE) Double latitude,
            @BsonProperty(LONGITUDE) Double longitude, @BsonProperty(ADDRESS) String address, @BsonProperty(CHANNEL) String channel,
            @BsonProperty(SUBMITTED_AT) String submittedAt, @BsonProperty(SUBMITTED_ON) Instant submittedOn,
            @BsonProperty(CLASSIFICATION) String classification, @BsonProperty(ANONYMOUS) Boolean anonymous,
            @BsonProperty(CONFIDENTIAL) Boolean confidential, @BsonProperty(AGENCY_CODE) String agencyCode,
            @BsonProperty(UNIT_CODE) String unitCode, @BsonProperty(REPORTER) Reporter reporter,
            @BsonProperty(REPORTER_SECRET_HASH) String reporterSecretHash, @BsonProperty(STEPS) Map<String, StoredStep> steps) {

        static final String STATUS = "status";
        static final String TITLE = "title";
        static final String DESCRIPTION = "description";
        static final String CATEGORY_CODE = "categoryCode";
        static final String REGION_CODE = "regionCode";
        static final String LATITUDE = "latitude";
        static final String LONGITUDE = "longitude";
        static final String ADDRESS = "address";
        static final String CHANNEL = "channel";
        static final String SUBMITTED_AT = "submittedAt";
        /** The submission time as a date, for ranges. */
        static final String SUBMITTED_ON = "submittedOn";
        static final String CLASSIFICATION = "classification";
        static final String ANONYMOUS = "anonymous";
        static final String CONFIDENTIAL = "confidential";
        static final String AGENCY_CODE = "agencyCode";
        static final String UNIT_CODE = "unitCode";
        /** The reporter's sealed identity and reference. */
        static final String REPORTER = "reporter";
        static final String REPORTER_SECRET_HASH = "reporterSecretHash";
        static final String STEPS = "steps";

        /** The reporter as the view keeps them: sealed with their key, under their complaint's reference. */
        public record Reporter(String ref, String key, String ciphertext) {

            static Reporter of(String reporterRef, SealedReporter sealed) {
                return new Reporter(reporterRef, sealed.key(), sealed.ciphertext());
            }
        }

        /**
         * A step as stored: under the id of the event that recorded it, with that event's sequence number
         * for order; its instant as text, which keeps it exactly (a date would cut it to milliseconds).
         */
        public record StoredStep(long sequence, String step, String at, String description, String agencyCode, String text,
                String actor, String caseText, List<Attachment> attachments) {

            static StoredStep of(long sequence, Step step) {
                return new StoredStep(sequence, step.step(), step.at().toString(), step.description(), step.agencyCode(),
                        step.text(), step.actor(), step.caseText(), step.attachments());
            }

            Step toStep() {
                return new Step(step, Instant.parse(at), description, agencyCode, text, actor, caseText, attachments);
            }
        }

        TrackedComplaint trackedComplaint() {
            List<Step> timeline = steps == null ? List.of() : steps.values().stream()
                    .sorted(Comparator.comparingLong(StoredStep::sequence))
                    .map(StoredStep::toStep)
                    .toList();
            return new TrackedComplaint(trackingId, status, title, description, categoryCode, regionCode, latitude, longitude,
                    address, channel, Instant.parse(submittedAt), classification, Boolean.TRUE.equals(anonymous),
                    Boolean.TRUE.equals(confidential), agencyCode, unitCode,
                    reporter == null ? null : new SealedReporter(reporter.key(), reporter.ciphertext()),
                    reporter == null ? null : reporter.ref(), reporterSecretHash, timeline);
        }
    }
}
