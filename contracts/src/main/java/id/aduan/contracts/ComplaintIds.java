package id.aduan.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Complaint ids, which are also the tracking ids citizens follow: {@code ADU-} and ten Crockford
 * base-32 characters (no I, L, O, U, so they read back unambiguously over the phone or SMS).
 * 50 random bits: an id alone reveals nothing, and a collision is refused by the event store.
 */
public final class ComplaintIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ComplaintIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("ADU-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /**
     * The id of a complaint imported from a retired app: the first 50 bits of the SHA-256 of the
     * app's name (upper-cased, trimmed) and the complaint's id there (trimmed), so importing the
     * same complaint again gives the same id and the event store refuses a second one.
     */
    public static String fromLegacy(String sourceApp, String legacyId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(("legacy\n" + sourceApp.strip().toUpperCase(Locale.ROOT)
                    + "\n" + legacyId.strip()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        StringBuilder id = new StringBuilder("ADU-");
        for (int i = 0; i < 10; i++) {
            // Five bits a character, from the most significant.
            id.append(ALPHABET[(int) (bits >>> (59 - 5 * i)) & 0x1F]);
        }
        return id.toString();
    }
}
