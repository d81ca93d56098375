package id.aduan.reporting.complaints;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.RegionCode;
import id.aduan.reporting.complaints.ComplaintFacts.Assignment;
import id.aduan.reporting.complaints.ComplaintFacts.Clock;
import id.aduan.reporting.complaints.ComplaintFacts.FollowUp;
import id.aduan.reporting.complaints.ComplaintFacts.Forward;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What one complaint contributes to the reports, derived from its facts alone (docs/metrics.md): its
 * dimensions, its tally for the nation and a tally for each agency it concerns, and its overdue
 * clocks. A complaint whose submission has not arrived yet is not counted anywhere.
 *
 * @param zone the zone of the province the complaint is about, in which {@code submittedOn} is its local date
 * @param agency the agency that holds it now, or null
 * @param agencies one share per agency it was assigned to, forwarded by, followed up by or clocked for
 */
public record ComplaintSummary(
        String complaintId,
        boolean counted,
        Instant submittedAt,
        ZoneId zone,
        LocalDate submittedOn,
        Channel channel,
        String category,
        Classification classification,
        RegionCode region,
        String agency,
        Tally national,
        List<AgencyShare> agencies,
        List<OverdueClock> overdue) {

    /** One agency's view of the complaint: counted on the agency's own calendar day. */
    public record AgencyShare(AgencyCode agency, ZoneId zone, LocalDate submittedOn, Tally tally) {
    }

    /** A clock that passed its due instant and still runs: the party that must act is late. */
    public record OverdueClock(String clockId, ClockKind kind, String agencyCode, Instant dueAt) {
    }

    private static final List<ClockKind> ACTING = List.of(ClockKind.VERIFICATION, ClockKind.FOLLOW_UP);

    public static ComplaintSummary of(ComplaintFacts facts, IndonesianRegions provinces) {
        List<OverdueClock> overdue = facts.clocks().stream()
                .filter(ComplaintSummary::isOverdue)
                .map(clock -> new OverdueClock(clock.clockId(), clock.kind(), clock.agencyCode(), clock.currentDueAt()))
                .toList();
        if (facts.submission() == null) {
            return new ComplaintSummary(facts.complaintId(), false, null, null, null, null, null, null, null,
                    facts.currentAgency(), Tally.ZERO, List.of(), overdue);
        }
        // A coordinator's correction at verification moves the complaint to the region and category it is really about.
        RegionCode region = RegionCode.parse(facts.verification() != null && facts.verification().regionCode() != null
                ? facts.verification().regionCode() : facts.submission().regionCode()).orElse(RegionCode.NONE);
        ZoneId zone = provinces.zoneOf(region);
        Instant submittedAt = facts.submission().submittedAt();
        String category = facts.verification() != null ? facts.verification().categoryCode() : facts.submission().categoryCode();
        List<AgencyShare> agencies = agenciesOf(facts).stream()
                .map(code -> {
                    AgencyCode agency = AgencyCode.parse(code);
                    ZoneId agencyZone = provinces.zoneOf(agency);
                    return new AgencyShare(agency, agencyZone, submittedAt.atZone(agencyZone).toLocalDate(),
                            tally(facts, code));
                })
                .toList();
        return new ComplaintSummary(facts.complaintId(), true, submittedAt, zone, submittedAt.atZone(zone).toLocalDate(),
                facts.submission().channel(), category,
                facts.verification() == null ? null : facts.verification().classification(), region, facts.currentAgency(),
                tally(facts, null), agencies, overdue);
    }

    /** The tally for one agency, or for the nation when {@code agency} is null. */
    static Tally tally(ComplaintFacts facts, String agency) {
        boolean national = agency == null;
        boolean held = national || agency.equals(facts.currentAgency());
        boolean verified = facts.verification() != null;
        boolean archived = facts.archivedAt() != null;
        boolean completed = facts.completedAt() != null;
        boolean assigned = facts.currentAgency() != null;
        Predicate<String> concerns = code -> national || agency.equals(code);
        List<Clock> clocks = facts.clocks().stream()
                .filter(clock -> national ? ACTING.contains(clock.kind()) : clock.kind() == ClockKind.FOLLOW_UP && agency.equals(clock.agencyCode()))
                .toList();
        List<Clock> followUpTimes = clocks.stream().filter(clock -> measuresFollowUp(facts, clock)).toList();
        List<Clock> verificationTimes = facts.clocks().stream()
                .filter(clock -> held && clock.kind() == ClockKind.VERIFICATION && clock.workingDaysUsed() != null)
                .toList();
        List<Clock> stopped = clocks.stream().filter(clock -> clock.outcome() != null).toList();
        boolean measuresCompletion = held && completed;
        boolean rated = held && facts.rating() != null;
        long[] values = {
                national ? 1 : one(facts.assignments().stream().anyMatch(a -> agency.equals(a.agencyCode()))),
                one(held && verified),
                one(held && archived),
                one(facts.assignments().stream().map(Assignment::agencyCode).anyMatch(code -> code != null && concerns.test(code))),
                one(facts.forwards().stream().map(Forward::fromAgencyCode).anyMatch(concerns)),
                one(facts.followUps().stream().map(FollowUp::agencyCode).anyMatch(concerns)),
                one(held && completed),
                one(held && verified && assigned && !completed && !archived),
                one(held && !completed && !archived),
                one(clocks.stream().anyMatch(ComplaintSummary::isOverdue)),
                followUpTimes.stream().mapToLong(Clock::workingDaysUsed).sum(),
                followUpTimes.size(),
                verificationTimes.stream().mapToLong(Clock::workingDaysUsed).sum(),
                verificationTimes.size(),
                measuresCompletion ? Duration.between(facts.submission().receivedAt(), facts.completedAt()).toSeconds() : 0,
                one(measuresCompletion),
                stopped.size(),
                stopped.stream().filter(clock -> clock.outcome() == Outcome.MET).count(),
                one(rated),
                rated ? facts.rating().score() : 0};
        return Tally.of(values);
    }

    /**
     * A follow-up clock measures disposition to first follow-up when it started at a disposition (not
     * at a reopening) and was stopped by a follow-up of its own agency: sla stops it at that
     * follow-up's time, and at another time for a forward or a completion. Until its start arrives,
     * whether it started at a reopening is unknown, so it does not count yet.
     */
    static boolean measuresFollowUp(ComplaintFacts facts, Clock clock) {
        return clock.kind() == ClockKind.FOLLOW_UP && clock.workingDaysUsed() != null && clock.stoppedAt() != null
                && clock.startedAt() != null && !facts.reopenings().contains(clock.startedAt())
                && facts.followUps().contains(new FollowUp(clock.agencyCode(), clock.stoppedAt()));
    }

    /** Past due and still running: a breach was announced, no stop yet, and not paused now. */
    static boolean isOverdue(Clock clock) {
        return ACTING.contains(clock.kind()) && clock.breachedAt() != null && clock.stoppedAt() == null && !clock.paused();
    }

    private static TreeSet<String> agenciesOf(ComplaintFacts facts) {
        return Stream.of(
                        facts.assignments().stream().map(Assignment::agencyCode),
                        facts.forwards().stream().map(Forward::fromAgencyCode),
                        facts.followUps().stream().map(FollowUp::agencyCode),
                        facts.clocks().stream().filter(clock -> clock.kind() == ClockKind.FOLLOW_UP).map(Clock::agencyCode))
                .flatMap(codes -> codes)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static long one(boolean fact) {
        return fact ? 1 : 0;
    }
}
