package id.aduan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    @Test
    void signsTheBodyWithHmacSha256OfTheSecretInHex() {
        // The well-known HMAC-SHA256 example, so that any receiver's library can be checked against it.
        assertThat(HmacSignature.sign("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsItsOwnSignatureOnlyOnTheSameBodyAndSecret() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = HmacSignature.sign("key", body);
        assertThat(HmacSignature.matches("key", body, signature)).isTrue();
        assertThat(HmacSignature.matches("other", body, signature)).isFalse();
        assertThat(HmacSignature.matches("key", "[]".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(HmacSignature.matches("key", body, null)).isFalse();
    }

    @Test
    void secretsAre256RandomBitsInHexAndNeverRepeat() {
        String one = HmacSignature.newSecret();
        assertThat(one).matches("[0-9a-f]{64}").isNotEqualTo(HmacSignature.newSecret());
    }
}
