package id.aduan.intake.sms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An SMS to 1708 as the SMS gateway posts it.
 *
 * @param messageId the gateway's id of the message; the same id is the same SMS, delivered again
 * @param from the sender's number, which becomes the reporter's phone
 * @param text the message as typed; an empty one is answered with the format help
 * @param receivedAt when the gateway received it
 */
record InboundSms(
        @NotBlank @Size(max = 100) String messageId,
        @NotBlank @Pattern(regexp = "^\\+?[0-9]{8,15}$", message = "must be a phone number of 8 to 15 digits") String from,
        @NotNull @Size(max = 10_000) String text,
        @NotNull Instant receivedAt) {
}
