package id.aduan.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a reporter proves ownership of their complaint with. It is handed out once, at
 * submission; only its SHA-256 hash is stored, so neither the event store nor a view can give it away.
 */
public final class ReporterSecret {

    /** The request header a reporter presents the secret in. */
    public static final String HEADER = "X-Reporter-Secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReporterSecret() {
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 hash of a secret, lowercase hex; null for no secret. */
    public static String hash(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether a presented hash is the stored one, compared in constant time; never for a missing one. */
    public static boolean matches(String storedHash, String presentedHash) {
        return storedHash != null && presentedHash != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), presentedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
