package id.aduan.intake.reporter;

import com.google.crypto.tink.prf.PrfSet;
import id.aduan.intake.complaint.Reporter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyed hashes (HMAC-SHA256 PRF, Tink) of a reporter's normalised identifiers, so that a second
 * complaint by the same person finds their key without intake storing or comparing the identifiers
 * themselves. Without the PRF key a lookup cannot be checked against a guessed email or number; the
 * lookups are deleted with the reporter's key on erasure. The name is never a lookup: names are not unique.
 */
final class IdentityLookups {

    private static final int OUTPUT_BYTES = 32;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;:()<>\"]+@[^@\\s,;:()<>\"]+\\.[^@\\s,;:()<>\"]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 .-]{6,24}[0-9]");
    private static final Pattern HANDLE = Pattern.compile("(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{1,15}\\b");

    private final PrfSet prf;

    IdentityLookups(PrfSet prf) {
        this.prf = prf;
    }

    /** The lookups of every identifier the reporter gave. */
    List<String> of(Reporter reporter) {
        Set<String> lookups = new LinkedHashSet<>();
        if (reporter.email() != null) {
            lookups.add(lookup("email", reporter.email().strip().toLowerCase(Locale.ROOT)));
        }
        if (reporter.phone() != null) {
            lookups.add(lookup("phone", phone(reporter.phone())));
        }
        if (reporter.nik() != null) {
            lookups.add(lookup("nik", digits(reporter.nik())));
        }
        if (reporter.socialMediaHandle() != null) {
            lookups.add(lookup("x", handle(reporter.socialMediaHandle())));
        }
        return List.copyOf(lookups);
    }

    /** The lookups of anything in a free text that could be an email, a phone number, a NIK or a handle. */
    List<String> inText(String text) {
        List<String> lookups = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            lookups.add(lookup("email", email.group().toLowerCase(Locale.ROOT)));
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            lookups.add(lookup("phone", phone(number.group())));
            lookups.add(lookup("nik", digits(number.group())));
        }
        Matcher handle = HANDLE.matcher(text);
        while (handle.find()) {
            lookups.add(lookup("x", handle(handle.group())));
        }
        return lookups;
    }

    /** Indonesian numbers in one form: 0812..., +62812... and 62812... are the same phone. */
    static String phone(String number) {
        String digits = digits(number);
        return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
    }

    private static String digits(String value) {
        return value.replaceAll("[^0-9]", "");
    }

    private static String handle(String value) {
        return value.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    }

    private String lookup(String kind, String normalised) {
        try {
            return HexFormat.of().formatHex(prf.computePrimary((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8), OUTPUT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The lookup PRF failed", e);
        }
    }
}
