package id.aduan.intake.notification;

import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.notification.NotificationLog.Due;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the sent-log holds due: claim (a lease, so two instances never send the same row at
 * once), send, mark SENT. A failure waits with a doubling backoff and, after the last attempt, leaves
 * the row FAILED for coordinators to see. The reporter is opened at send time, so an erasure or an
 * unsubscribe since the step was logged is honoured.
 */
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationLog notifications;
    private final Notifications contacts;
    private final Messages messages;
    private final Outbound outbound;
    private final NotificationSettings.Delivery settings;
    private final Clock clock;

    NotificationDelivery(NotificationLog notifications, Notifications contacts, Messages messages, Outbound outbound,
            NotificationSettings.Delivery settings, Clock clock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.messages = messages;
        this.outbound = outbound;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every notification due now, a batch at a time; returns how many it handled. */
    int deliverDue() {
        int handled = 0;
        List<Due> batch;
        do {
            batch = notifications.claimDue(clock.instant(), settings.lease(), settings.batch());
            batch.forEach(this::deliver);
            handled += batch.size();
        } while (batch.size() == settings.batch());
        return handled;
    }

    private void deliver(Due due) {
        Optional<NotificationLog.Contact> contact = notifications.contact(due.complaintId());
        if (contact.isEmpty()) {
            notifications.finish(due, NotificationLog.SKIPPED, "no contact", clock.instant());
            return;
        }
        if (contact.get().unsubscribed() != null) {
            notifications.finish(due, NotificationLog.SKIPPED, "unsubscribed", clock.instant());
            return;
        }
        Optional<Reporter> reporter = contacts.open(contact.get());
        if (reporter.isEmpty()) {
            notifications.finish(due, NotificationLog.SKIPPED, "reporter erased", clock.instant());
            return;
        }
        try {
            outbound.send(due.channel(), messages.render(due, reporter.get()), reporter.get());
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            boolean last = due.attempts() >= settings.maxAttempts();
            String error = withoutContact(String.valueOf(e.getMessage()), reporter.get());
            log.warn("Notification {} of {} on {} failed (attempt {} of {}): {}", due.step(), due.complaintId(), due.channel(),
                    due.attempts(), settings.maxAttempts(), error);
            notifications.failed(due, error, last, last ? now : now.plus(settings.backoffAfter(due.attempts())), now);
            return;
        }
        notifications.finish(due, NotificationLog.SENT, null, clock.instant());
    }

    /** A mail server's or gateway's error may quote the address: it goes to logs and to coordinators without it. */
    private static String withoutContact(String error, Reporter reporter) {
        String scrubbed = error;
        for (String contact : new String[] {reporter.email(), reporter.phone(), reporter.socialMediaHandle(), reporter.name()}) {
            if (contact != null && !contact.isBlank()) {
                scrubbed = scrubbed.replace(contact, "[reporter]");
            }
        }
        return scrubbed;
    }
}
