package id.aduan.routing.history;

import id.aduan.platform.web.ProblemResponses;
import id.aduan.routing.decision.Router;
import id.aduan.routing.decision.RoutingChain;
import id.aduan.routing.decision.RoutingDecision;
import id.aduan.routing.lifecycle.ComplaintLifecycle;
import id.aduan.routing.lifecycle.ComplaintLifecycle.ComplaintState;
import id.aduan.routing.rules.RuleBook;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes the next step of a complaint's chain on someone's behalf (a forward, a disposition): loads
 * the chain, lets the caller check it and decide under the rules in force, records the step and
 * publishes it. A step recorded but not yet published is published later by the outbox sweep, so
 * the caller gets its answer even while the broker is away.
 */
@Component
public class RoutingSteps {

    private static final Logger log = LoggerFactory.getLogger(RoutingSteps.class);

    /** Decides the next step; may refuse with a problem (403, 409) after looking at the chain. */
    @FunctionalInterface
    public interface NextStep {
        RoutingDecision decide(RoutingChain chain, Router router);
    }

    private final DecisionLog decisions;
    private final RuleBook rules;
    private final ComplaintLifecycle lifecycle;
    private final Clock clock;

    RoutingSteps(DecisionLog decisions, RuleBook rules, ComplaintLifecycle lifecycle, Clock clock) {
        this.decisions = decisions;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * @param actor the account taking the step (the token's subject)
     * @return the recorded step; 404 for a complaint routing never saw, 409 for a closed one or when another step was
     *     taken meanwhile
     */
    public Mono<RecordedDecision> take(String complaintId, String actor, String reason, NextStep next) {
        return decisions.chainOf(complaintId).collectList()
                .filter(recorded -> !recorded.isEmpty())
                .switchIfEmpty(Mono.error(() -> ProblemResponses.problem(HttpStatus.NOT_FOUND, "No routing decision for complaint "
                        + complaintId + ".")))
                .zipWith(lifecycle.stateOf(complaintId))
                .flatMap(loaded -> {
                    ComplaintState state = loaded.getT2();
                    List<RecordedDecision> recorded = loaded.getT1();
                    RoutingChain chain = new RoutingChain(recorded.stream().map(RecordedDecision::decision).toList(),
                            state.verifiedCategoryCode(), state.verifiedRegionCode());
                    return rules.router().flatMap(router -> {
                        RoutingDecision decision = next.decide(chain, router);
                        if (state.closedAs() != null) {
                            return Mono.error(ProblemResponses.problem(HttpStatus.CONFLICT, "Complaint " + complaintId + " is "
                                    + state.closedAs() + "; its routing no longer changes."));
                        }
                        int stepNumber = recorded.get(recorded.size() - 1).stepNumber() + 1;
                        return decisions.append(complaintId, stepNumber, decision, actor, reason, clock.instant());
                    });
                })
                .flatMap(step -> decisions.publishPending(complaintId, step.stepNumber())
                        .onErrorResume(e -> {
                            log.warn("Routing step {} of {} recorded, to be published by the sweep: {}", step.eventId(),
                                    complaintId, e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(step));
    }
}
