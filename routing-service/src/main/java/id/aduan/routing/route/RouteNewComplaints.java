package id.aduan.routing.route;

import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventIds;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.history.LeftForTheSweep;
import id.aduan.routing.rules.RuleBook;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Routes each submitted complaint under the rules in force: decides, records the decision once,
 * publishes it. Handling the same submission again finds the recorded decision and changes nothing.
 * A decision recorded but not published (broker away) is listed for the outbox sweep, which
 * publishes it under the same event id, so it is neither lost nor altered.
 */
@Component
public class RouteNewComplaints {

    private static final Logger log = LoggerFactory.getLogger(RouteNewComplaints.class);

    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Clock clock;

    RouteNewComplaints(RuleBook rules, DecisionLog decisions, Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.clock = clock;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintSubmitted submitted)) {
            return Mono.empty();
        }
        String eventId = EventIds.derived(envelope.id(), "routed");
        return rules.router()
                .flatMap(router -> decisions.recordRouted(eventId, envelope.id(), submitted.complaintId(), router.decide(submitted),
                        clock.instant()))
                // Any other failure reaches the binder: the submission is delivered again and publishes the recorded decision.
                .flatMap(recorded -> decisions.publishPending(recorded.complaintId(), recorded.stepNumber())
                        .onErrorResume(LeftForTheSweep.class, e -> {
                            log.warn("Routing of {} recorded, to be published by the sweep: {}", recorded.complaintId(),
                                    e.getCause().toString());
                            return Mono.empty();
                        }));
    }
}
