package id.aduan.routing.route;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.MongoErrors;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import id.aduan.routing.decision.Router;
import id.aduan.routing.decision.RoutingDecision;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Routes each submitted complaint: decides, records the decision once, publishes it. Handling
 * the same submission again finds the recorded decision and publishes it unchanged under the same
 * event id, so a crash between recording and publishing neither loses nor alters a decision.
 */
@Component
public class RouteNewComplaints {

    private final Router router = new Router();
    private final MongoCollection<Document> decisions;
    private final EventPublisher publisher;
    private final Clock clock;

    RouteNewComplaints(MongoDatabase database, EventPublisher publisher, Clock clock) {
        this.decisions = database.getCollection("decisions");
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintSubmitted submitted)) {
            return Mono.empty();
        }
        String eventId = EventIds.derived(envelope.id(), "routed");
        RoutingDecision decision = router.decide(submitted);
        Document recorded = new Document("_id", eventId)
                .append("complaintId", submitted.complaintId())
                .append("cause", envelope.id())
                .append("destination", decision.destination().name())
                .append("agencyCode", decision.agencyCode())
                .append("rule", decision.rule())
                .append("explanation", decision.explanation())
                .append("routedAt", Date.from(clock.instant()));
        return Mono.from(decisions.insertOne(recorded))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then(Mono.from(decisions.find(new Document("_id", eventId)).first()))
                .flatMap(stored -> publisher.publish(eventId, routed(stored)));
    }

    private static ComplaintRouted routed(Document decision) {
        return new ComplaintRouted(decision.getString("complaintId"),
                ComplaintRouted.Destination.valueOf(decision.getString("destination")),
                decision.getString("agencyCode"), decision.getString("rule"), decision.getString("explanation"),
                decision.getDate("routedAt").toInstant());
    }
}
