package id.aduan.sla.calendar;

import id.aduan.contracts.Codes;
import id.aduan.contracts.ReferenceCsv;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indonesia's government calendar: the non-working days of each year and the time zone of each
 * province. It hands out the working calendar an agency counts in: with cuti bersama closed, unless
 * the agency is one that works through collective leave.
 */
public final class GovernmentCalendar {

    private static final ZoneId CENTRAL_GOVERNMENT = ZoneId.of("Asia/Jakarta");

    private final List<NonWorkingDay> nonWorkingDays;
    private final Map<String, ZoneId> provinceZones;
    private final Set<String> workingThroughCutiBersama;
    private final WorkingCalendar observingCutiBersama;
    private final WorkingCalendar workingThroughIt;

    public GovernmentCalendar(List<NonWorkingDay> nonWorkingDays, Map<String, ZoneId> provinceZones,
            Set<String> agenciesWorkingThroughCutiBersama) {
        this.nonWorkingDays = List.copyOf(nonWorkingDays);
        this.provinceZones = Map.copyOf(provinceZones);
        this.workingThroughCutiBersama = Set.copyOf(agenciesWorkingThroughCutiBersama);
        int lastYear = nonWorkingDays.stream().mapToInt(day -> day.date().getYear()).max().orElse(0);
        this.observingCutiBersama = new WorkingCalendar(dates(day -> true), lastYear);
        this.workingThroughIt = new WorkingCalendar(dates(day -> day.kind() == NonWorkingDay.Kind.HOLIDAY), lastYear);
    }

    /** The national coordinators keep the general government calendar. */
    public WorkingCalendar forCoordinators() {
        return observingCutiBersama;
    }

    public WorkingCalendar forAgency(String agencyCode) {
        return workingThroughCutiBersama.contains(agencyCode) ? workingThroughIt : observingCutiBersama;
    }

    /**
     * The zone an agency counts its days in: its province's (the code starts with the province's
     * Kemendagri code); central agencies sit in Jakarta.
     */
    public ZoneId zoneOf(String agencyCode) {
        if (agencyCode == null || !agencyCode.matches(Codes.AGENCY)) {
            throw new IllegalArgumentException("not an agency code: " + agencyCode);
        }
        if (!Character.isDigit(agencyCode.charAt(0))) {
            return CENTRAL_GOVERNMENT;
        }
        ZoneId zone = provinceZones.get(agencyCode.substring(0, 2));
        if (zone == null) {
            throw new IllegalArgumentException("no province " + agencyCode.substring(0, 2) + " in Indonesia");
        }
        return zone;
    }

    public List<NonWorkingDay> nonWorkingDays() {
        return nonWorkingDays;
    }

    /** This calendar with {@code withdrawn} working again and {@code declared} closed, replacing what those dates were. */
    public GovernmentCalendar changed(List<NonWorkingDay> declared, Collection<LocalDate> withdrawn) {
        Set<LocalDate> replaced = new HashSet<>(withdrawn);
        declared.forEach(day -> replaced.add(day.date()));
        List<NonWorkingDay> days = new ArrayList<>(nonWorkingDays.stream().filter(day -> !replaced.contains(day.date())).toList());
        days.addAll(declared);
        days.sort(Comparator.comparing(NonWorkingDay::date));
        return new GovernmentCalendar(days, provinceZones, workingThroughCutiBersama);
    }

    private Set<LocalDate> dates(java.util.function.Predicate<NonWorkingDay> which) {
        return nonWorkingDays.stream().filter(which).map(NonWorkingDay::date).collect(Collectors.toSet());
    }

    /** The calendar shipped with the service: 2025 and 2026, and every province's zone. */
    public static GovernmentCalendar shipped(Set<String> agenciesWorkingThroughCutiBersama) {
        List<NonWorkingDay> days = ReferenceCsv.rows("calendar/non-working-days.csv", 3).stream()
                .map(row -> new NonWorkingDay(LocalDate.parse(row[0]), NonWorkingDay.Kind.valueOf(row[1]), row[2]))
                .toList();
        Map<String, ZoneId> zones = ReferenceCsv.rows("reference/provinces-timezones.csv", 4).stream()
                .collect(Collectors.toUnmodifiableMap(row -> row[0], row -> ZoneId.of(row[3])));
        return new GovernmentCalendar(days, zones, agenciesWorkingThroughCutiBersama);
    }
}
