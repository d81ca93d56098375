package id.aduan.intake.notification;

import id.aduan.intake.complaint.Reporter;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders a step from the templates in {@code notifications/messages*.properties} (Bahasa Indonesia,
 * and English with {@code aduan.notifications.language=en}): placeholders in braces are the step's
 * details, {@code {trackingId}}, {@code {name}}, {@code {link}} and {@code {unsubscribe}}.
 */
@Component
class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final NotificationSettings settings;
    private final UnsubscribeLinks unsubscribeLinks;
    private final ResourceBundle templates;

    Messages(NotificationSettings settings, UnsubscribeLinks unsubscribeLinks) {
        this.settings = settings;
        this.unsubscribeLinks = unsubscribeLinks;
        this.templates = ResourceBundle.getBundle("notifications/messages", settings.language(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The citizen's tracking link of a complaint, under the public base URL. */
    String trackingLink(String complaintId) {
        return link("/api/v1/complaints/{id}", complaintId);
    }

    Message render(NotificationLog.Due due, Reporter reporter) {
        Map<String, String> values = new HashMap<>(due.details());
        values.computeIfPresent("reason", (key, reason) -> templates.containsKey("reason." + reason)
                ? template("reason." + reason) : reason);
        values.put("trackingId", due.complaintId());
        values.put("name", reporter.name() == null || reporter.name().isBlank() ? template("greeting.unnamed") : reporter.name());
        values.put("link", trackingLink(due.complaintId()));
        values.put("unsubscribe", unsubscribeLinks.link(due.complaintId()));
        String key = due.step().key();
        String body = fill(template(key + ".body"), values);
        String text = fill(template("greeting"), values) + "\n\n" + body + "\n\n" + fill(template("footer"), values);
        String html = "<!doctype html><html lang=\"" + settings.language().getLanguage() + "\"><body><p>"
                + escaped(fill(template("greeting"), values)) + "</p><p>" + escaped(body).replace("\n", "<br>") + "</p><p>"
                + fill(template("footer.html"), escapedValues(values)) + "</p></body></html>";
        return new Message(due.eventId() + "." + due.channel().name().toLowerCase(), due.complaintId(), fill(template(key + ".subject"), values),
                text, html, fill(template(key + ".sms"), values), values.get("link"), values.get("unsubscribe"));
    }

    private String link(String path, String complaintId) {
        URI base = settings.publicBaseUrl();
        return UriComponentsBuilder.fromUri(base).path(path).buildAndExpand(complaintId).toUriString();
    }

    private String template(String key) {
        return templates.getString(key);
    }

    /** Unknown placeholders are left as they are: a template mistake shows instead of failing every send. */
    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        return matcher.appendTail(filled).toString();
    }

    private static Map<String, String> escapedValues(Map<String, String> values) {
        Map<String, String> escaped = new HashMap<>();
        values.forEach((key, value) -> escaped.put(key, escaped(value)));
        return escaped;
    }

    private static String escaped(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
