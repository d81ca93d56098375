package id.aduan.intake.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;

class AttemptsTest {

    private static final Instant PARKED = Instant.parse("2025-03-03T01:00:00Z");
    private static final Attempts ATTEMPTS = new Attempts(
            new DeadLetterSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(5)));

    @Test
    void aFailedEventIsAlwaysParkedWithOneAttemptMore() {
        DeadLetter<? extends EventMessage<?>> letter = letter(PARKED, MetaData.emptyInstance());
        for (int attempt = 1; attempt <= 6; attempt++) {
            EnqueueDecision<EventMessage<?>> decision = ATTEMPTS.decide(letter, new IllegalStateException("refused"));
            assertThat(decision.shouldEnqueue()).isTrue();
            letter = decision.withDiagnostics(letter);
            assertThat(Attempts.of(letter)).isEqualTo(attempt);
        }
    }

    @Test
    void aParkedComplaintIsRetriedAfterAGrowingBackoffUntilItsRetriesAreUsedUp() {
        DeadLetter<?> parkedOnce = letter(PARKED, MetaData.with("attempts", 1));
        assertThat(ATTEMPTS.dueForRetry(parkedOnce, PARKED.plusSeconds(29))).isFalse();
        assertThat(ATTEMPTS.dueForRetry(parkedOnce, PARKED.plusSeconds(30))).isTrue();

        DeadLetter<?> triedTwice = letter(PARKED, MetaData.with("attempts", 2));
        assertThat(ATTEMPTS.dueForRetry(triedTwice, PARKED.plusSeconds(59))).isFalse();
        assertThat(ATTEMPTS.dueForRetry(triedTwice, PARKED.plusSeconds(60))).isTrue();
        // Never longer than max-backoff.
        assertThat(ATTEMPTS.dueForRetry(letter(PARKED, MetaData.with("attempts", 3)), PARKED.plusSeconds(60))).isTrue();

        DeadLetter<?> retriesUsedUp = letter(PARKED, MetaData.with("attempts", 4));
        assertThat(ATTEMPTS.retriesLeft(retriesUsedUp)).isFalse();
        assertThat(ATTEMPTS.dueForRetry(retriesUsedUp, PARKED.plus(Duration.ofDays(1)))).isFalse();
    }

    private static DeadLetter<? extends EventMessage<?>> letter(Instant lastTouched, MetaData diagnostics) {
        return new GenericDeadLetter<>("ADU-3F7KQ9M2XD", GenericEventMessage.asEventMessage("event"),
                new ThrowableCause(new IllegalStateException("refused")), PARKED, lastTouched, diagnostics);
    }
}
