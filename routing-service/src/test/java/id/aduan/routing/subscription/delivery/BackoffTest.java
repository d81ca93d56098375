package id.aduan.routing.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Example
    void waitsOneSecondThenDoublesUpToTenMinutes() {
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(backoff.after(11)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Property
    void neverShorterAfterMoreFailuresAndNeverBeyondTheCap(@ForAll @IntRange(min = 1, max = 1_000) int failures,
            @ForAll @LongRange(min = 1, max = 60_000) long firstMillis, @ForAll @LongRange(min = 0, max = 3_600_000) long extraMillis) {
        Backoff any = new Backoff(Duration.ofMillis(firstMillis), Duration.ofMillis(firstMillis + extraMillis));
        assertThat(any.after(failures)).isBetween(any.first(), any.max());
        assertThat(any.after(failures + 1)).isGreaterThanOrEqualTo(any.after(failures));
    }

    @Example
    void aCapBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
