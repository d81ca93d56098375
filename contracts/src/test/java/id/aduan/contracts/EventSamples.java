package id.aduan.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One realistic instance of every event, as the services produce them. */
final class EventSamples {

    static final String COMPLAINT_ID = "ADU-3F7KQ9M2XD";

    private EventSamples() {
    }

    static List<AduanEvent> all() {
        return List.of(
                new ComplaintSubmitted(COMPLAINT_ID, Channel.WEB, "Jalan berlubang di depan SDN 1",
                        "Lubang besar di Jalan Merdeka sejak dua minggu.", "INFRA.ROAD",
                        new Location("32.73.01", -6.9147, 107.6098, "Jl. Merdeka No. 1"), "32.73.DPUPR",
                        Instant.parse("2026-03-02T01:15:00Z"), Instant.parse("2026-03-02T01:15:02Z"),
                        false, false, "rep-8c1d0f9e"),
                new ComplaintSubmitted(COMPLAINT_ID, Channel.SMS, "Bansos", "Bantuan tidak sampai.", "SOCIAL.AID",
                        Location.of("94"), null, Instant.parse("2026-03-02T01:15:00Z"),
                        Instant.parse("2026-03-02T01:15:02Z"), true, true, null),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.AGENCY, "32.73.DPUPR",
                        "addressed-agency", "The reporter addressed 32.73.DPUPR.", Instant.parse("2026-03-02T01:15:03Z")),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.COORDINATORS_QUEUE, null,
                        "coordinators-queue", "No agency was addressed.", Instant.parse("2026-03-02T01:15:03Z")),
                new SlaClockStarted(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        "Asia/Jakarta", Instant.parse("2026-03-02T01:15:02Z"), 3, LocalDate.parse("2026-03-05"),
                        Instant.parse("2026-03-05T17:00:00Z")));
    }
}
