package id.aduan.intake.notification;

import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.reporter.ReporterVault;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Logs the steps a reporter is to be told of, once per event and channel, on the channels they gave a
 * contact for and Aduan has configured; never for an erased reporter, nor one who unsubscribed.
 * Sending is {@link NotificationDelivery}'s, apart from the processors.
 */
@Component
class Notifications {

    private static final Duration VAULT_TIMEOUT = Duration.ofSeconds(30);

    private final NotificationLog log;
    private final ReporterVault vault;
    private final Outbound outbound;
    private final Clock clock;

    Notifications(NotificationLog log, ReporterVault vault, Outbound outbound, Clock clock) {
        this.log = log;
        this.vault = vault;
        this.outbound = outbound;
        this.clock = clock;
    }

    void rememberContact(String complaintId, SealedReporter reporter, String reporterRef) {
        log.rememberContact(complaintId, reporter, reporterRef);
    }

    /** Logs the step for each channel the complaint's reporter can be told on now. */
    void record(String eventId, String complaintId, Step step, Map<String, String> details) {
        Set<Channel> channels = log.contact(complaintId)
                .filter(contact -> contact.unsubscribed() == null)
                .flatMap(contact -> open(contact))
                .map(this::channels)
                .orElse(Set.of());
        if (!channels.isEmpty()) {
            log.record(eventId, complaintId, step, details, channels, clock.instant());
        }
    }

    /** The reporter's identity; empty once erased. */
    Optional<Reporter> open(NotificationLog.Contact contact) {
        return vault.open(contact.reporter(), contact.reporterRef()).block(VAULT_TIMEOUT);
    }

    private Set<Channel> channels(Reporter reporter) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (present(reporter.email()) && outbound.offers(Channel.EMAIL)) {
            channels.add(Channel.EMAIL);
        }
        if (present(reporter.phone()) && outbound.offers(Channel.SMS)) {
            channels.add(Channel.SMS);
        }
        if (present(reporter.socialMediaHandle()) && outbound.offers(Channel.SOCIAL_MEDIA)) {
            channels.add(Channel.SOCIAL_MEDIA);
        }
        return channels;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
