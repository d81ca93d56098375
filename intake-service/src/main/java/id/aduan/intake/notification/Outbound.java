package id.aduan.intake.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.complaint.Reporter;
import id.aduan.platform.security.HmacSignature;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The channels out: e-mail over SMTP, and the SMS and social-media gateways' outbound interfaces (a JSON
 * POST signed like routing's webhooks). A send that did not reach its server throws; the caller retries.
 */
class Outbound {

    /** The same on every attempt of one notification, for receivers that deduplicate. */
    static final String DELIVERY_HEADER = "X-Aduan-Delivery";

    private final NotificationSettings settings;
    private final JavaMailSenderImpl mail;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param mail null when no mail server is configured ({@code spring.mail.host}) */
    Outbound(NotificationSettings settings, JavaMailSenderImpl mail, ObjectMapper json) {
        this.settings = settings;
        this.mail = mail;
        this.json = json;
    }

    boolean offers(Channel channel) {
        return switch (channel) {
            case EMAIL -> mail != null;
            case SMS -> settings.sms().configured();
            case SOCIAL_MEDIA -> settings.socialMedia().configured();
        };
    }

    void send(Channel channel, Message message, Reporter reporter) {
        switch (channel) {
            case EMAIL -> mail(message, reporter.email());
            case SMS -> post(settings.sms(), message, reporter.phone());
            case SOCIAL_MEDIA -> post(settings.socialMedia(), message, reporter.socialMediaHandle());
        }
    }

    private void mail(Message message, String to) {
        try {
            MimeMessage mime = new StableIdMessage(mail.getSession(), "<" + message.id() + "@aduan>");
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.mail().from());
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            // One click in the mail program stops them too (RFC 2369, RFC 8058).
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeLink() + ">");
            mail.send(mime);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailed("mail server: " + e.getMessage(), e);
        }
    }

    private void post(NotificationSettings.Outbound gateway, Message message, String to) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("complaintId", message.complaintId());
        body.put("to", to);
        body.put("text", message.shortText());
        body.put("trackingLink", message.trackingLink());
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification is always JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url()).timeout(gateway.timeout())
                .header("Content-Type", "application/json").header(DELIVERY_HEADER, message.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (gateway.secret() != null) {
            request.header(HmacSignature.HEADER, HmacSignature.sign(gateway.secret(), bytes));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed(gateway.url() + " answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new DeliveryFailed(gateway.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while calling " + gateway.url(), e);
        }
    }

    /** A message that keeps the Message-ID it was given instead of a new one per attempt. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
