package id.aduan.intake.tracking;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.tracking.TrackedComplaint.Step;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the {@value #COLLECTION} collection that {@link TrackingProjection} writes. Reads use the
 * reactive driver, so a request never holds an event-loop thread while MongoDB answers.
 */
@Component
class ComplaintViews {

    static final String COLLECTION = "complaint-views";

    private final MongoCollection<Document> views;

    ComplaintViews(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION);
    }

    Mono<TrackedComplaint> find(String trackingId) {
        return Mono.from(views.find(Filters.eq("_id", trackingId)).first())
                // A view whose submission the projection has not reached yet is not a complaint yet.
                .filter(view -> view.containsKey("status"))
                .map(ComplaintViews::trackedComplaint);
    }

    /** A step as stored: under the id of the event that recorded it, with that event's sequence number for order. */
    static Document stepDocument(long sequence, Step step) {
        return new Document("sequence", sequence).append("step", step.step())
                // Text keeps the instant exactly; a Date would cut it to milliseconds.
                .append("at", step.at().toString()).append("description", step.description())
                .append("agencyCode", step.agencyCode()).append("text", step.text());
    }

    private static TrackedComplaint trackedComplaint(Document view) {
        Document steps = view.get("steps", new Document());
        List<Step> timeline = steps.values().stream().map(Document.class::cast)
                .sorted(Comparator.comparingLong(step -> ((Number) step.get("sequence")).longValue()))
                .map(step -> new Step(step.getString("step"), Instant.parse(step.getString("at")),
                        step.getString("description"), step.getString("agencyCode"), step.getString("text")))
                .toList();
        return new TrackedComplaint(view.getString("_id"), ComplaintStatus.valueOf(view.getString("status")),
                view.getString("title"), view.getString("description"), view.getString("categoryCode"),
                view.getString("regionCode"), view.getString("channel"), Instant.parse(view.getString("submittedAt")),
                view.getString("classification"), view.getBoolean("anonymous", false), view.getBoolean("confidential", false),
                view.getString("agencyCode"), view.getString("reporterName"), view.getString("reporterSecretHash"), timeline);
    }
}
