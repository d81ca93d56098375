package id.aduan.routing.history;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.platform.MongoErrors;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Routing's {@code decisions} collection: every decision once, under the id of the event that announces it. */
@Component
public class DecisionLog {

    private final MongoCollection<Document> decisions;

    DecisionLog(MongoDatabase database) {
        this.decisions = database.getCollection("decisions");
    }

    /** Records the decision unless one is already recorded under this id, and returns the recorded one. */
    public Mono<RecordedDecision> recordOnce(String eventId, String cause, String complaintId, RoutingDecision decision,
            Instant routedAt) {
        Inputs inputs = decision.inputs();
        Document recorded = new Document("_id", eventId)
                .append("complaintId", complaintId)
                .append("cause", cause)
                .append("destination", decision.destination().name())
                .append("agencyCode", decision.agencyCode())
                .append("rule", decision.rule())
                .append("ruleSetVersion", decision.ruleSetVersion())
                .append("inputs", new Document("categoryCode", inputs.categoryCode())
                        .append("regionCode", inputs.regionCode())
                        .append("addressedAgencyCode", inputs.addressedAgencyCode()))
                .append("explanation", decision.explanation())
                .append("routedAt", Date.from(routedAt));
        return Mono.from(decisions.insertOne(recorded))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then(Mono.from(decisions.find(new Document("_id", eventId)).first()))
                .map(DecisionLog::read);
    }

    /** The complaint's decisions, oldest first. */
    public Flux<RecordedDecision> chainOf(String complaintId) {
        return Flux.from(decisions.find(new Document("complaintId", complaintId)))
                .map(DecisionLog::read)
                .sort(Comparator.comparing(RecordedDecision::routedAt));
    }

    private static RecordedDecision read(Document stored) {
        Document inputs = stored.get("inputs", Document.class);
        return new RecordedDecision(stored.getString("complaintId"), Destination.valueOf(stored.getString("destination")),
                stored.getString("agencyCode"), stored.getString("rule"), stored.getString("ruleSetVersion"),
                new Inputs(inputs.getString("categoryCode"), inputs.getString("regionCode"),
                        inputs.getString("addressedAgencyCode")),
                stored.getString("explanation"), stored.getDate("routedAt").toInstant());
    }
}
