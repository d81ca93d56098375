package id.aduan.routing.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import id.aduan.routing.subscription.delivery.Subscriptions.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A 1 min lease and calls of at most 20 s (a 10 s webhook timeout): renewed once less than 40 s are left. */
class LeaseTest {

    private static final Instant CLAIMED = Instant.parse("2026-03-16T03:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration CALL = Duration.ofSeconds(20);

    private final Subscriptions subscriptions = mock(Subscriptions.class);
    private final Claim claim = new Claim(null, "token", CLAIMED);

    @Test
    void aCallTheLeaseStillCoversTwiceCostsNoWrite() {
        Lease lease = new Lease(subscriptions, claim, LEASE, at(CLAIMED.plusSeconds(20)));

        assertThat(lease.covers(CALL).block()).isTrue();
        verify(subscriptions, never()).renew(any(), any());
    }

    @Test
    void aCallNearTheEndRenewsTheLeaseForAFullLengthFromNowAndTheNextCallsRideOnIt() {
        Instant now = CLAIMED.plusSeconds(21);
        when(subscriptions.renew(claim, now.plus(LEASE))).thenReturn(Mono.just(true));
        Lease lease = new Lease(subscriptions, claim, LEASE, at(now));

        assertThat(lease.covers(CALL).block()).isTrue();
        assertThat(lease.covers(CALL).block()).isTrue();
        verify(subscriptions).renew(claim, now.plus(LEASE));
    }

    @Test
    void aLeaseAnotherInstanceTookOverCoversNothing() {
        when(subscriptions.renew(eq(claim), any())).thenReturn(Mono.just(false));
        Lease lease = new Lease(subscriptions, claim, LEASE, at(CLAIMED.plusSeconds(50)));

        assertThat(lease.covers(CALL).block()).isFalse();
        assertThat(lease.covers(CALL).block()).isFalse();
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}
