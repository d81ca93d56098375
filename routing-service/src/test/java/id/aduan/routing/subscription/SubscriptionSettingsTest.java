package id.aduan.routing.subscription;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubscriptionSettingsTest {

    @Test
    void aLeaseThatCouldNotCoverAWebhookCallTwiceIsRefusedAtStartup() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .withMessageContaining("aduan.subscriptions.delivery.lease");
        assertThatNoException().isThrownBy(() -> settings(Duration.ofSeconds(40), Duration.ofSeconds(10)));
    }

    private static SubscriptionSettings settings(Duration lease, Duration webhookTimeout) {
        return new SubscriptionSettings("aduan.agency.", 1, Duration.ofDays(30),
                new SubscriptionSettings.Stream(Duration.ofMillis(500), Duration.ofSeconds(15)),
                new SubscriptionSettings.Delivery(Duration.ofMillis(500), lease, 8, 100, Duration.ofSeconds(1), Duration.ofMinutes(10)),
                new SubscriptionSettings.Webhooks(true, false, webhookTimeout, 10));
    }
}
