package id.aduan.routing.outbox;

import id.aduan.routing.RoutingSettings;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.rules.RuleBook;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * From start and then every {@code aduan.routing.outbox.interval}, publishes what was recorded but
 * not published (the broker was away, or the service stopped in between): routing steps older than
 * the grace period, and rule changes. Each goes out under the id it was recorded with, so a repeat is
 * the same event, which consumers skip; several instances may sweep at once for the same reason. One
 * run at a time, never blocking a thread, and cancelled at shutdown: what it had not finished waits
 * for the next start.
 */
@Component
class OutboxSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweep.class);

    private final DecisionLog decisions;
    private final RuleBook rules;
    private final RoutingSettings settings;
    private volatile Disposable running;

    OutboxSweep(DecisionLog decisions, RuleBook rules, RoutingSettings settings) {
        this.decisions = decisions;
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = decisions.listUnpublishedOfEarlierVersions()
                .onErrorResume(e -> {
                    log.warn("Unpublished routing steps of an earlier version not listed: {}", e.toString());
                    return Mono.empty();
                })
                .thenMany(Flux.interval(Duration.ZERO, settings.outbox().interval()))
                .onBackpressureDrop()
                .concatMap(tick -> sweep(), 1)
                .subscribe();
    }

    /** A failed run (broker or database away) is logged; the next one takes it up. */
    Mono<Void> sweep() {
        return rules.publishPending()
                .onErrorResume(e -> {
                    log.warn("Rule changes still unannounced: {}", e.toString());
                    return Mono.empty();
                })
                .then(decisions.publishOverdue(settings.outbox().grace()))
                .doOnNext(complaints -> {
                    if (complaints > 0) {
                        log.info("Published overdue routing steps of {} complaint(s)", complaints);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Overdue routing steps not published this time: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable run = running;
        if (run != null) {
            run.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable run = running;
        return run != null && !run.isDisposed();
    }
}
