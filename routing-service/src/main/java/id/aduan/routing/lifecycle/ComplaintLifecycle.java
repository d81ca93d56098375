package id.aduan.routing.lifecycle;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What routing needs of a complaint's life after submission ({@code complaints} collection): the
 * category and region a coordinator set at verification, which later steps decide by, and whether the complaint is
 * closed (archived or completed), after which its routing no longer changes. Every update is a set,
 * so a redelivered event changes nothing.
 */
@Component
public class ComplaintLifecycle {

    /**
     * @param verifiedCategoryCode null while unverified
     * @param verifiedRegionCode null while unverified, and for verifications that did not name the region
     * @param closedAs "archived" or "completed"; null while open
     */
    public record ComplaintState(String verifiedCategoryCode, String verifiedRegionCode, String closedAs) {

        static final ComplaintState OPEN = new ComplaintState(null, null, null);
    }

    private final MongoCollection<Document> complaints;

    ComplaintLifecycle(MongoDatabase database) {
        this.complaints = database.getCollection("complaints");
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (envelope.data() instanceof ComplaintVerified verified) {
            return set(verified.complaintId(), Updates.combine(Updates.set("verifiedCategoryCode", verified.categoryCode()),
                    Updates.set("verifiedRegionCode", verified.regionCode())));
        }
        if (envelope.data() instanceof ComplaintArchived archived) {
            return set(archived.complaintId(), Updates.set("closedAs", "archived"));
        }
        if (envelope.data() instanceof ComplaintCompleted completed) {
            return set(completed.complaintId(), Updates.set("closedAs", "completed"));
        }
        return Mono.empty();
    }

    public Mono<ComplaintState> stateOf(String complaintId) {
        return Mono.from(complaints.find(Filters.eq("_id", complaintId)).first())
                .map(stored -> new ComplaintState(stored.getString("verifiedCategoryCode"), stored.getString("verifiedRegionCode"),
                        stored.getString("closedAs")))
                .defaultIfEmpty(ComplaintState.OPEN);
    }

    private Mono<Void> set(String complaintId, Bson update) {
        return Mono.from(complaints.updateOne(Filters.eq("_id", complaintId), update, new UpdateOptions().upsert(true))).then();
    }
}
