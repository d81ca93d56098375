package id.aduan.sla.clock;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.platform.events.EventIds;
import id.aduan.platform.events.EventPublisher;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each complaint's clocks in step with its lifecycle events. It publishes what changed before
 * it stores it: a crash in between repeats the event against the old state, which gives the same
 * clocks and the same event ids (derived from the clock, or for a pause or resume from its cause),
 * so consumers skip the repeat; once stored, a repeat changes nothing and publishes nothing.
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
            if (change.changesNothing(state)) {
                return Mono.empty();
            }
            Flux<Void> stops = publishEach(change, ClockRules.Change::stopped, clock -> EventIds.derived(clock.id(), "stopped"),
                    clock -> new SlaClockStopped(clock.complaintId(), clock.id(), clock.kind(), clock.agencyCode(),
                            clock.stoppedAt(), clock.outcome(), clock.workingDaysUsed()));
            Flux<Void> pauses = publishEach(change, ClockRules.Change::paused,
                    clock -> EventIds.derived(envelope.id(), clock.id() + "-paused"),
                    clock -> new SlaClockPaused(clock.complaintId(), clock.id(), clock.kind(), clock.agencyCode(),
                            clock.pausedAt()));
            Flux<Void> resumes = publishEach(change, ClockRules.Change::resumed,
                    clock -> EventIds.derived(envelope.id(), clock.id() + "-resumed"),
                    clock -> new SlaClockResumed(clock.complaintId(), clock.id(), clock.kind(), clock.agencyCode(),
                            event.occurredAt(), clock.pausedWorkingDays() - pausedBefore(state, clock), clock.dueDate(),
                            clock.dueAt()));
            Flux<Void> starts = publishEach(change, ClockRules.Change::started, clock -> EventIds.derived(clock.id(), "started"),
                    clock -> new SlaClockStarted(clock.complaintId(), clock.id(), clock.kind(), clock.agencyCode(),
                            clock.zone().getId(), clock.startedAt(), clock.workingDays(), clock.dueDate(), clock.dueAt()));
            return Flux.concat(stops, pauses, resumes, starts).then(store.save(change));
        });
    }

    private Flux<Void> publishEach(ClockRules.Change change, Function<ClockRules.Change, List<SlaClock>> which,
            Function<SlaClock, String> eventId, Function<SlaClock, ComplaintEvent> event) {
        return Flux.fromIterable(which.apply(change)).concatMap(clock -> publisher.publish(eventId.apply(clock), event.apply(clock)));
    }

    private static int pausedBefore(ComplaintClocks state, SlaClock clock) {
        return state.clocks().stream().filter(before -> before.id().equals(clock.id()))
                .mapToInt(SlaClock::pausedWorkingDays).findFirst().orElse(0);
    }
}
