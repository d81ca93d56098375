package id.aduan.testkit;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventCatalog;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Location;
import java.time.Instant;
import java.util.UUID;

/** Fresh complaints and envelopes for tests, so tests sharing one broker and database never collide. */
public final class Complaints {

    private Complaints() {
    }

    /** A web complaint about a road in Kota Bandung, submitted at the given time. */
    public static ComplaintSubmitted submitted(String complaintId, String addressedAgency, Instant submittedAt) {
        return new ComplaintSubmitted(complaintId, Channel.WEB, "Jalan berlubang di depan SDN 1",
                "Lubang besar di Jalan Merdeka sejak dua minggu.", "INFRA.ROAD", Location.of("32.73.01"),
                addressedAgency, submittedAt, submittedAt, false, false, null);
    }

    /** Routing's first decision on a complaint: to this agency, or to the coordinators' queue when null. */
    public static ComplaintRouted routed(String complaintId, String agencyCode, Instant routedAt) {
        return agencyCode == null
                ? new ComplaintRouted(complaintId, ComplaintRouted.Destination.COORDINATORS_QUEUE, null,
                        "coordinators-queue", "No agency could be determined.", routedAt, ComplaintRouted.Step.ROUTED,
                        0, null, null, null, "test")
                : new ComplaintRouted(complaintId, ComplaintRouted.Destination.AGENCY, agencyCode, "addressed-agency",
                        "The reporter addressed " + agencyCode + ".", routedAt, ComplaintRouted.Step.ROUTED, 0, null,
                        null, null, "test");
    }

    /** As the service that emits the event's type would publish it. */
    public static <T extends AduanEvent> EventEnvelope<T> envelope(T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventCatalog.of(event).source(), event);
    }
}
