package id.aduan.sla.clock;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each complaint's clocks in step with its lifecycle events. It publishes what changed before
 * it stores it: a crash in between repeats the event against the old state, which gives the same
 * clocks and the same event ids (derived from the clock), so consumers skip the repeat; once
 * stored, a repeat changes nothing and publishes nothing.
 */
@Component
public class KeepClocks {

    private final ClockRules rules;
    private final ClockStore store;
    private final EventPublisher publisher;

    KeepClocks(ClockRules rules, ClockStore store, EventPublisher publisher) {
        this.rules = rules;
        this.store = store;
        this.publisher = publisher;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintEvent event)) {
            return Mono.empty();
        }
        return store.load(event.complaintId()).flatMap(state -> {
            ClockRules.Change change = rules.apply(state, envelope.id(), event);
            if (change.started().isEmpty() && change.stopped().isEmpty() && change.next().equals(state)) {
                return Mono.empty();
            }
            Flux<Void> stops = Flux.fromIterable(change.stopped()).concatMap(clock -> publisher.publish(
                    EventIds.derived(clock.id(), "stopped"), new SlaClockStopped(clock.complaintId(), clock.id(), clock.kind(),
                            clock.agencyCode(), clock.stoppedAt(), clock.outcome(), clock.workingDaysUsed())));
            Flux<Void> starts = Flux.fromIterable(change.started()).concatMap(clock -> publisher.publish(
                    EventIds.derived(clock.id(), "started"), new SlaClockStarted(clock.complaintId(), clock.id(), clock.kind(),
                            clock.agencyCode(), clock.zone().getId(), clock.startedAt(), clock.workingDays(),
                            clock.dueDate(), clock.dueAt())));
            return stops.concatWith(starts).then(store.save(change));
        });
    }
}
