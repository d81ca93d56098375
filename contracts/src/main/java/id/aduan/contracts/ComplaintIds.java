package id.aduan.contracts;

import java.security.SecureRandom;

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
}
