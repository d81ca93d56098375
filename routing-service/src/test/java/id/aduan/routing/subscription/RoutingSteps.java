package id.aduan.routing.subscription;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.contracts.Topic;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Routing steps written straight to aduan.routing, and clock alerts to aduan.sla, about agencies no other test uses. */
public final class RoutingSteps {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The feed consumer's group in application.yml. */
    static final String SERVICE_GROUP = "routing-service-agency-feed";

    private RoutingSteps() {
    }

    /** A code of the agency-code shape that no other test run uses: {@code IT} and eight letters or digits. */
    public static String freshAgency() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A new complaint routed to the agency on submission. */
    public static EventEnvelope<ComplaintRouted> routedTo(String agency) {
        return publish(Complaints.routed(ComplaintIds.next(), agency, Instant.now()));
    }

    /** The agency holding the complaint declared it not its authority, and routing sent it on. */
    public static EventEnvelope<ComplaintRouted> forwarded(String complaintId, String from, String to, int hop) {
        return publish(new ComplaintRouted(complaintId, Destination.AGENCY, to, "local-roads",
                "Forwarded by " + from + ".", Instant.now(), Step.FORWARDED, hop, from, "agency-" + from,
                "Not our authority.", "test"));
    }

    /** sla warned on aduan.sla: the clock has one working day left (agency null for the coordinators' and the citizen's). */
    public static EventEnvelope<SlaClockWarning> warned(String complaintId, String clockId, ClockKind kind, String agency) {
        Instant dueAt = Instant.now().plus(Duration.ofDays(1));
        return publish(new SlaClockWarning(complaintId, clockId, kind, agency, dueAt, Instant.now()));
    }

    /** sla announced on aduan.sla that the clock's due instant passed while it ran. */
    public static EventEnvelope<SlaClockBreached> breached(String complaintId, String clockId, ClockKind kind, String agency) {
        return publish(new SlaClockBreached(complaintId, clockId, kind, agency, Instant.now()));
    }

    private static <T extends AduanEvent> EventEnvelope<T> publish(T event) {
        EventEnvelope<T> envelope = Complaints.envelope(event);
        TopicWriter.send(envelope);
        return envelope;
    }

    /**
     * Waits until the feed consumer of a {@link SubscriptionTest} context has handled everything on
     * aduan.routing, aduan.complaints and aduan.sla: every feed is complete.
     */
    public static void awaitFeedsCaughtUp() {
        ConsumerGroups.awaitCaughtUp(SubscriptionTest.GROUP, PATIENCE, Topic.ROUTING, Topic.COMPLAINTS, Topic.SLA);
    }

    /** The same, for the feed consumer of a plain {@code AduanServiceTest} context, with routing-service's own settings. */
    public static void awaitServiceFeedsCaughtUp() {
        ConsumerGroups.awaitCaughtUp(SERVICE_GROUP, PATIENCE, Topic.ROUTING, Topic.COMPLAINTS, Topic.SLA);
    }
}
