package id.aduan.intake.inbox;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A complaint's SLA clocks as sla-service's events on aduan.sla tell them, by clock id. A clock's
 * due time and whether it is paused are versioned by the time of the event that set them (started,
 * paused, resumed, in that order when at the same instant), and a stop is final, so the clocks are
 * the same whatever order the events came in and however often each came.
 */
record ClockSet(Map<String, Clock> clocks) {

    static final ClockSet NONE = new ClockSet(Map.of());
    /** The clocks that bind coordinators or an agency; the reporter's own (their window, a question's time) bind nobody. */
    private static final Set<ClockKind> DEADLINES = EnumSet.of(ClockKind.VERIFICATION, ClockKind.FOLLOW_UP, ClockKind.END_TO_END);

    /**
     * @param dueAt when it falls due, moved on by each resume; null when only a pause or stop is known yet
     * @param paused whether it waits for the reporter
     */
    record Clock(ClockKind kind, String agencyCode, Versioned<Instant> dueAt, Versioned<Boolean> paused, boolean stopped) {

        /** Whether it counts now: started, neither paused nor stopped. */
        boolean running() {
            return dueAt.value() != null && !Boolean.TRUE.equals(paused.value()) && !stopped;
        }
    }

    /** The clock the inbox shows: the next due among those that bind coordinators or an agency. */
    record Next(ClockKind kind, Instant dueAt) {
    }

    /** @return this set when the event is not about a clock's due time or state */
    ClockSet apply(AduanEvent event) {
        if (event instanceof SlaClockStarted started) {
            return with(started.clockId(), started.kind(), started.agencyCode(), clock -> new Clock(clock.kind(),
                    clock.agencyCode(), clock.dueAt().offer(started.dueAt(), version(started.startedAt(), 0)),
                    clock.paused().offer(false, version(started.startedAt(), 0)), clock.stopped()));
        }
        if (event instanceof SlaClockPaused paused) {
            return with(paused.clockId(), paused.kind(), paused.agencyCode(), clock -> new Clock(clock.kind(),
                    clock.agencyCode(), clock.dueAt(), clock.paused().offer(true, version(paused.pausedAt(), 1)),
                    clock.stopped()));
        }
        if (event instanceof SlaClockResumed resumed) {
            long version = version(resumed.resumedAt(), 2);
            return with(resumed.clockId(), resumed.kind(), resumed.agencyCode(), clock -> new Clock(clock.kind(),
                    clock.agencyCode(), clock.dueAt().offer(resumed.dueAt(), version), clock.paused().offer(false, version),
                    clock.stopped()));
        }
        if (event instanceof SlaClockStopped stopped) {
            return with(stopped.clockId(), stopped.kind(), stopped.agencyCode(), clock -> new Clock(clock.kind(),
                    clock.agencyCode(), clock.dueAt(), clock.paused(), true));
        }
        return this;
    }

    /** The running deadline due first. */
    Optional<Next> next() {
        return clocks.values().stream()
                .filter(clock -> clock.running() && DEADLINES.contains(clock.kind()))
                .min(Comparator.comparing((Clock clock) -> clock.dueAt().value()).thenComparing(Clock::kind))
                .map(clock -> new Next(clock.kind(), clock.dueAt().value()));
    }

    /** Whether a deadline waits for the reporter. */
    boolean paused() {
        return clocks.values().stream().anyMatch(clock -> !clock.stopped() && DEADLINES.contains(clock.kind())
                && Boolean.TRUE.equals(clock.paused().value()));
    }

    private ClockSet with(String clockId, ClockKind kind, String agencyCode, UnaryOperator<Clock> change) {
        Clock clock = clocks.getOrDefault(clockId, new Clock(kind, agencyCode, Versioned.unset(), Versioned.unset(), false));
        Clock changed = change.apply(clock);
        if (changed.equals(clock) && clocks.containsKey(clockId)) {
            return this;
        }
        Map<String, Clock> next = new HashMap<>(clocks);
        next.put(clockId, changed);
        return new ClockSet(Map.copyOf(next));
    }

    /** Microseconds since the epoch (sla's instants are no finer), times four, plus the event's rank at that instant. */
    private static long version(Instant at, int rank) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) * 4 + rank;
    }
}
