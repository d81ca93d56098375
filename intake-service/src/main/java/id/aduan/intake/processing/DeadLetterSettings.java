package id.aduan.intake.processing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a complaint parked in a processor's dead-letter queue is retried before it waits for a coordinator
 * (docs/architecture.md, "Dead letters").
 *
 * @param automaticRetries retries after the failure that parked it; then only a coordinator's retry moves it
 * @param firstBackoff the wait before the first retry, doubled before each next one
 * @param maxBackoff the longest wait between two retries
 * @param lookEvery how often each instance looks for complaints due a retry
 */
@ConfigurationProperties("aduan.intake.dead-letters")
record DeadLetterSettings(
        @DefaultValue("5") int automaticRetries,
        @DefaultValue("30s") Duration firstBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("5s") Duration lookEvery) {

    /** The wait after the given number of attempts (1: the failure that parked it). */
    Duration backoffAfter(int attempts) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }
}
