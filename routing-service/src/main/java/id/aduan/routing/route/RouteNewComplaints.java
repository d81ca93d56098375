package id.aduan.routing.route;

import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import id.aduan.routing.decision.Router;
import id.aduan.routing.history.DecisionLog;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Routes each submitted complaint: decides, records the decision once, publishes it. Handling
 * the same submission again finds the recorded decision and publishes it unchanged under the same
 * event id, so a crash between recording and publishing neither loses nor alters a decision.
 */
@Component
public class RouteNewComplaints {

    private final Router router;
    private final DecisionLog decisions;
    private final EventPublisher publisher;
    private final Clock clock;

    RouteNewComplaints(Router router, DecisionLog decisions, EventPublisher publisher, Clock clock) {
        this.router = router;
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintSubmitted submitted)) {
            return Mono.empty();
        }
        String eventId = EventIds.derived(envelope.id(), "routed");
        return decisions.recordOnce(eventId, envelope.id(), submitted.complaintId(), router.decide(submitted), clock.instant())
                .flatMap(recorded -> publisher.publish(eventId, recorded.toEvent()));
    }
}
