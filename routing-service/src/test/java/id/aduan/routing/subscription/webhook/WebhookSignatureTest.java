package id.aduan.routing.subscription.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheBodyWithHmacSha256OfTheSecretInHex() {
        // The well-known HMAC-SHA256 example, so that any receiver's library can be checked against it.
        assertThat(WebhookSignature.sign("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void secretsAre256RandomBitsInHexAndNeverRepeat() {
        String one = WebhookSignature.newSecret();
        assertThat(one).matches("[0-9a-f]{64}").isNotEqualTo(WebhookSignature.newSecret());
    }
}
