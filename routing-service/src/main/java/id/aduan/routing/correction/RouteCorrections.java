package id.aduan.routing.correction;

import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventIds;
import id.aduan.routing.decision.RoutingChain;
import id.aduan.routing.decision.RoutingDecision.Inputs;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.history.LeftForTheSweep;
import id.aduan.routing.history.RecordedDecision;
import id.aduan.routing.rules.RuleBook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Re-routes a complaint whose category or region a coordinator corrected at verification
 * (docs/routing.md, "Corrections at verification"): the competence rules decide again on the
 * corrected values, and where they name another destination the step is recorded as the
 * coordinator's, with the correction as its reason. The step's event id derives from the
 * verification's, so the verification delivered again finds it and only publishes what is pending.
 */
@Component
public class RouteCorrections {

    /** The actor of a re-routing caused by a verification that names no coordinator (published before v1 named one). */
    static final String UNNAMED_COORDINATOR = "coordinators";

    private static final Logger log = LoggerFactory.getLogger(RouteCorrections.class);

    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Clock clock;

    RouteCorrections(RuleBook rules, DecisionLog decisions, Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.clock = clock;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintVerified verified)) {
            return Mono.empty();
        }
        String eventId = EventIds.derived(envelope.id(), "re-routed");
        String complaintId = verified.complaintId();
        return decisions.chainOf(complaintId).collectList()
                // No decision on submission (it was dead-lettered): nothing to re-route.
                .filter(recorded -> !recorded.isEmpty())
                .flatMap(recorded -> recorded.stream().filter(step -> step.eventId().equals(eventId)).findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> reRoute(eventId, verified, recorded)))
                .flatMap(step -> decisions.publishPending(complaintId, step.stepNumber())
                        .onErrorResume(LeftForTheSweep.class, e -> {
                            log.warn("Re-routing of {} recorded, to be published by the sweep: {}", complaintId,
                                    e.getCause().toString());
                            return Mono.empty();
                        }));
    }

    private Mono<RecordedDecision> reRoute(String eventId, ComplaintVerified verified, List<RecordedDecision> recorded) {
        RoutingChain chain = new RoutingChain(recorded.stream().map(RecordedDecision::decision).toList(), null, null);
        Inputs submitted = chain.complaint();
        String region = verified.regionCode() != null ? verified.regionCode() : submitted.regionCode();
        Optional<String> correction = correction(submitted, verified.categoryCode(), region);
        if (correction.isEmpty()) {
            return Mono.empty();
        }
        String actor = verified.verifiedBy() != null ? verified.verifiedBy() : UNNAMED_COORDINATOR;
        int stepNumber = recorded.get(recorded.size() - 1).stepNumber() + 1;
        return rules.router().flatMap(router -> Mono.justOrEmpty(
                        router.afterCorrection(chain.verifiedAs(verified.categoryCode(), region), correction.get())))
                .flatMap(decision -> decisions.append(eventId, verified.complaintId(), stepNumber, decision, actor,
                        correction.get(), clock.instant()));
    }

    /** "category corrected from GENERAL to INFRA.ROAD and region corrected from 00 to 32.73 at verification", or none. */
    static Optional<String> correction(Inputs submitted, String categoryCode, String regionCode) {
        List<String> changes = new ArrayList<>();
        if (!categoryCode.equals(submitted.categoryCode())) {
            changes.add("category corrected from " + submitted.categoryCode() + " to " + categoryCode);
        }
        if (!regionCode.equals(submitted.regionCode())) {
            changes.add("region corrected from " + submitted.regionCode() + " to " + regionCode);
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", changes) + " at verification");
    }
}
