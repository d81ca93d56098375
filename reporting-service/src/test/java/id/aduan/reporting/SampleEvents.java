package id.aduan.reporting;

import id.aduan.testkit.Complaints;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Location;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/** Events about fresh complaints and agencies, so that tests sharing one database never see each other's. */
public final class SampleEvents {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private SampleEvents() {
    }

    /** A regional agency of Kota Bandung that no other test uses. */
    public static String newAgencyCode() {
        return "32.73.T" + random(LETTERS, 8);
    }

    public static ComplaintSubmitted submitted(String complaintId, Channel channel, Instant at) {
        return new ComplaintSubmitted(complaintId, channel, "Jalan berlubang di depan SDN 1",
                "Lubang besar di Jalan Merdeka sejak dua minggu.", "INFRA.ROAD", Location.of("32.73.01"), null,
                at.minusSeconds(30), at, false, false, null);
    }

    public static ComplaintRouted routedToAgency(String complaintId, String agencyCode, Instant at) {
        return Complaints.routed(complaintId, agencyCode, at);
    }

    public static ComplaintRouted routedToCoordinators(String complaintId, Instant at) {
        return Complaints.routed(complaintId, null, at);
    }

    /** Three working days for the national coordinators; the due date need not be a real working day here. */
    public static SlaClockStarted verificationClock(String complaintId, Instant at) {
        LocalDate dueDate = at.atZone(JAKARTA).toLocalDate().plusDays(3);
        return new SlaClockStarted(complaintId, "verification-" + complaintId, ClockKind.VERIFICATION, null,
                JAKARTA.getId(), at, 3, dueDate, dueDate.plusDays(1).atStartOfDay(JAKARTA).toInstant());
    }

    /** Five working days for the agency the complaint was routed to. */
    public static SlaClockStarted followUpClock(String complaintId, String agencyCode, Instant at) {
        LocalDate dueDate = at.atZone(JAKARTA).toLocalDate().plusDays(7);
        return new SlaClockStarted(complaintId, "follow-up-" + complaintId, ClockKind.FOLLOW_UP, agencyCode,
                JAKARTA.getId(), at, 5, dueDate,
                dueDate.plusDays(1).atStartOfDay(JAKARTA).toInstant());
    }

    private static String random(String alphabet, int length) {
        StringBuilder chars = new StringBuilder(length);
        ThreadLocalRandom.current().ints(length, 0, alphabet.length()).forEach(i -> chars.append(alphabet.charAt(i)));
        return chars.toString();
    }
}
