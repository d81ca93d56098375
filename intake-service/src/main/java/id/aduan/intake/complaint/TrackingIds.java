package id.aduan.intake.complaint;

import java.security.SecureRandom;

/**
 * Tracking ids: {@code ADU-} and ten Crockford base-32 characters (no I, L, O, U, so they read
 * back unambiguously over the phone or SMS). 50 random bits: unguessable enough that an id alone
 * reveals nothing, and collisions are refused by the event store anyway.
 */
public final class TrackingIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("ADU-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
