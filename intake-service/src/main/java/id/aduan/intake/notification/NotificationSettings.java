package id.aduan.intake.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reporters are told of their complaint's steps (docs/notifications.md).
 *
 * @param publicBaseUrl where citizens reach Aduan (the gateway): the tracking and unsubscribe links start with it
 * @param language the language of the messages: {@code id} (Bahasa Indonesia) or {@code en}
 * @param linkSecretFile the secret unsubscribe links are signed with, created on first start; every
 *        instance must read the same one
 * @param mail e-mail, when {@code spring.mail.host} is set
 * @param sms replies to SMS reporters through the SMS gateway's outbound interface, when its URL is set
 * @param socialMedia replies to social-media reporters through that gateway's outbound interface, when its URL is set
 * @param delivery how due notifications are looked for and retried
 */
@ConfigurationProperties("aduan.notifications")
public record NotificationSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("id") Locale language,
        String linkSecretFile,
        @DefaultValue Mail mail,
        @DefaultValue Outbound sms,
        @DefaultValue Outbound socialMedia,
        @DefaultValue Delivery delivery) {

    /** @param from the sender reporters see */
    public record Mail(@DefaultValue("Aduan <no-reply@aduan.localhost>") String from) {
    }

    /**
     * A gateway's outbound interface: a signed JSON POST per message (docs/notifications.md).
     *
     * @param url none: the channel is off
     * @param secret the shared secret the body's HMAC-SHA256 is keyed with
     */
    public record Outbound(URI url, String secret, @DefaultValue("10s") Duration timeout) {

        boolean configured() {
            return url != null;
        }
    }

    /**
     * @param interval how often each instance looks for due notifications
     * @param batch how many it claims at once
     * @param lease how long a claim lasts: longer than any send takes; a sender that died is taken over after it
     * @param maxAttempts after this many failed attempts a notification is FAILED (a dead letter)
     * @param firstBackoff the wait after the first failure, doubled after each further one
     * @param maxBackoff the longest wait between attempts
     */
    public record Delivery(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("20") int batch,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("10s") Duration firstBackoff,
            @DefaultValue("30m") Duration maxBackoff) {

        Duration backoffAfter(int attempts) {
            Duration wait = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
