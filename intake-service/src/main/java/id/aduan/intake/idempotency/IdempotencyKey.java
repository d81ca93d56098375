package id.aduan.intake.idempotency;

import id.aduan.contracts.Channel;
import id.aduan.intake.web.RejectedInput;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What makes two submissions the same one. A client's {@code Idempotency-Key} counts only for
 * that client (token subject), so one client can neither collide with nor probe another's keys; a
 * channel gateway's message or post id counts for its channel.
 */
public record IdempotencyKey(String scope, String value) {

    public static final String HEADER = "Idempotency-Key";

    /** What a client may send as a key: 1 to 100 visible ASCII characters (a UUID fits). */
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /**
     * The client's key, or null when it sent none.
     *
     * @throws RejectedInput when the key is not 1 to 100 visible ASCII characters
     */
    public static IdempotencyKey ofClientOrNone(String subject, String key) {
        if (key == null) {
            return null;
        }
        // Checked here rather than by a constraint on the header, which would turn body errors into method errors.
        if (!FORMAT.matcher(key).matches()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, HEADER, "must be 1 to 100 visible ASCII characters");
        }
        return ofClient(subject, key);
    }

    private static IdempotencyKey ofClient(String subject, String key) {
        return new IdempotencyKey("client:" + subject, key);
    }

    public static IdempotencyKey ofMessage(Channel channel, String messageId) {
        return new IdempotencyKey("channel:" + channel, messageId);
    }

    /** The key of one row of a batch, so a batch sent again gives each row its first answer. */
    public IdempotencyKey row(int number) {
        return new IdempotencyKey(scope, value + "#row-" + number);
    }
}
