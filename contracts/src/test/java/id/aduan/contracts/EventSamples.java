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
                        "regency-public-works", "Dinas PUPR Kota Bandung is competent: city roads.",
                        Instant.parse("2026-03-02T01:15:03Z"), ComplaintRouted.Step.ROUTED, 0, null, null, null, "2025.1"),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.COORDINATORS_QUEUE, null,
                        "coordinators-queue", "No agency was addressed.", Instant.parse("2026-03-02T01:15:03Z"),
                        ComplaintRouted.Step.ROUTED, 0, null, null, null, "2025.1"),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.AGENCY, "32.PUPR",
                        "province-roads", "Dinas PUPR Provinsi Jawa Barat is competent: provincial roads.",
                        Instant.parse("2026-03-03T02:00:00Z"), ComplaintRouted.Step.FORWARDED, 1, "32.73.DPUPR",
                        "agency-bandung-pu", "Jalan Merdeka is a provincial road.", "2025.1"),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.COORDINATORS_QUEUE, null,
                        "hop-limit", "Forwarded 3 times: the national coordinators decide.",
                        Instant.parse("2026-03-04T02:00:00Z"), ComplaintRouted.Step.ESCALATED, 3, "32.PUPR",
                        "agency-jabar-pu", "Not a provincial road either.", "2025.1"),
                new ComplaintRouted(COMPLAINT_ID, ComplaintRouted.Destination.AGENCY, "32.73.DPUPR",
                        "coordinator-disposition", "Disposed by a national coordinator: the city maintains it.",
                        Instant.parse("2026-03-04T03:00:00Z"), ComplaintRouted.Step.DISPOSED, 3, null,
                        "coordinator", "Jalan Merdeka is a city road per the 2024 road register.", "2025.1"),
                new CompetenceRulesChanged("rules-2026-1", "2026.1", "2025.1",
                        List.of(new CompetenceRulesChanged.Rule("province-roads", "INFRA.ROAD.PROVINCIAL",
                                CompetenceRulesChanged.Level.PROVINCE, "DPUPR", "provincial roads (UU 23/2014)")),
                        "coordinator", "Road register 2026.", Instant.parse("2026-01-05T02:00:00Z")),
                new CalendarChanged("calendar-2026-1",
                        List.of(new CalendarChanged.Day(LocalDate.parse("2026-03-20"), CalendarChanged.Kind.HOLIDAY,
                                "Idulfitri")),
                        List.of(LocalDate.parse("2026-03-21")), "coordinator", "Sidang isbat moved Idulfitri.",
                        Instant.parse("2026-03-10T02:00:00Z")),
                new SlaClockPaused(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        Instant.parse("2026-03-02T03:00:00Z")),
                new SlaClockResumed(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        Instant.parse("2026-03-04T05:00:00Z"), 2, LocalDate.parse("2026-03-09"),
                        Instant.parse("2026-03-09T17:00:00Z")),
                new SlaClockStarted(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        "Asia/Jakarta", Instant.parse("2026-03-02T01:15:02Z"), 3, LocalDate.parse("2026-03-05"),
                        Instant.parse("2026-03-05T17:00:00Z")),
                new ComplaintDeferred(COMPLAINT_ID, "Di depan nomor berapa lubangnya?", Instant.parse("2026-03-02T03:00:00Z")),
                new InformationSupplied(COMPLAINT_ID, Instant.parse("2026-03-02T05:00:00Z")),
                new ComplaintVerified(COMPLAINT_ID, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, "INFRA.ROAD.POTHOLE",
                        true, false, Instant.parse("2026-03-03T02:00:00Z")),
                new ComplaintVerified(COMPLAINT_ID, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, "INFRA.ROAD",
                        false, false, Instant.parse("2026-03-03T02:00:00Z"), "32.73.01", "coordinator"),
                new ComplaintArchived(COMPLAINT_ID, ComplaintArchived.Reason.DUPLICATE, "Sama dengan ADU-3F7KQ9M2XE.",
                        Instant.parse("2026-03-03T02:00:00Z")),
                new ComplaintArchived(COMPLAINT_ID, ComplaintArchived.Reason.OUT_OF_SCOPE, null,
                        Instant.parse("2026-03-03T02:00:00Z")),
                new ComplaintAssigned(COMPLAINT_ID, ComplaintRouted.Destination.AGENCY, "32.73.DPUPR",
                        Instant.parse("2026-03-02T01:15:05Z")),
                new ComplaintAssigned(COMPLAINT_ID, ComplaintRouted.Destination.COORDINATORS_QUEUE, null,
                        Instant.parse("2026-03-02T01:15:05Z")),
                new ComplaintFollowedUp(COMPLAINT_ID, "32.73.DPUPR", "Lubang sudah ditambal pada 5 Maret.",
                        List.of(new ComplaintFollowedUp.Attachment("foto-sesudah.jpg", "image/jpeg", 482_113,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                        Instant.parse("2026-03-05T04:00:00Z")),
                new ComplaintFollowedUp(COMPLAINT_ID, "32.73.DPUPR", "Sedang dijadwalkan.", List.of(),
                        Instant.parse("2026-03-04T04:00:00Z")),
                new ComplaintMarkedComplete(COMPLAINT_ID, "32.73.DPUPR", Instant.parse("2026-03-05T04:05:00Z")),
                new ComplaintReopened(COMPLAINT_ID, 1, Instant.parse("2026-03-06T01:00:00Z")),
                new ComplaintCompleted(COMPLAINT_ID, ComplaintCompleted.Reason.REPORTER_SATISFIED,
                        Instant.parse("2026-03-09T01:00:00Z")),
                new ComplaintCompleted(COMPLAINT_ID, ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED,
                        Instant.parse("2026-03-19T17:00:00Z")),
                new ComplaintRated(COMPLAINT_ID, 4, Instant.parse("2026-03-09T01:05:00Z")),
                new SlaClockWarning(COMPLAINT_ID, "clk-2", SlaClockStarted.ClockKind.FOLLOW_UP, "32.73.DPUPR",
                        Instant.parse("2026-03-24T17:00:00Z"), Instant.parse("2026-03-23T17:00:00Z")),
                new SlaClockBreached(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        Instant.parse("2026-03-05T17:00:00Z")),
                new SlaClockStopped(COMPLAINT_ID, "clk-2", SlaClockStarted.ClockKind.FOLLOW_UP, "32.73.DPUPR",
                        Instant.parse("2026-03-05T04:00:00Z"), SlaClockStopped.Outcome.MET, 2),
                new SlaClockStopped(COMPLAINT_ID, "clk-1", SlaClockStarted.ClockKind.VERIFICATION, null,
                        Instant.parse("2026-03-09T02:00:00Z"), SlaClockStopped.Outcome.BREACHED, 4),
                new ReporterWindowExpired(COMPLAINT_ID, "clk-7", Instant.parse("2026-03-19T17:00:00Z")));
    }
}
