package id.aduan.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every HTTP call Aduan makes to someone else's server (routing's webhooks, intake's
 * SMS and social-media replies): {@code sha256=} and the hex HMAC-SHA256 of the exact body, keyed with
 * the shared secret (its UTF-8 bytes). The receiver computes the same over the bytes it received and
 * compares in constant time (docs/subscriptions.md, docs/notifications.md).
 */
public final class HmacSignature {

    public static final String HEADER = "X-Aduan-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HmacSignature() {
    }

    /** 256 random bits, hex: e.g. shown to an agency once, at registration of its webhook. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is the one of {@code body}, compared in constant time. */
    public static boolean matches(String secret, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
