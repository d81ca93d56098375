package id.aduan.intake.processing;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.stereotype.Component;

/**
 * The enqueue policy of every processor's dead-letter queue: a failed event is always parked (never
 * dropped), counting its attempts in the letter's diagnostics; {@link #dueForRetry} decides from that
 * count whether the automatic retries go on.
 */
@Component
final class Attempts implements EnqueuePolicy<EventMessage<?>> {

    private static final String ATTEMPTS = "attempts";

    private final DeadLetterSettings settings;

    Attempts(DeadLetterSettings settings) {
        this.settings = settings;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(cause, failed -> failed.diagnostics().and(ATTEMPTS, of(failed) + 1));
    }

    static int of(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }

    /** Whether automatic retries are left (the first attempt is the one that parked it). */
    boolean retriesLeft(DeadLetter<?> letter) {
        return of(letter) <= settings.automaticRetries();
    }

    /** Retries left and the backoff after its last attempt passed. */
    boolean dueForRetry(DeadLetter<?> letter, Instant now) {
        return retriesLeft(letter) && !letter.lastTouched().plus(settings.backoffAfter(of(letter))).isAfter(now);
    }
}
