package id.aduan.sla.calendar;

import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.ReferenceCsv;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indonesia's government calendar: the non-working days of each year, and the time zone an agency
 * counts in (its province's, from the shared reference data). It hands out the working calendar an
 * agency counts in: with cuti bersama closed, unless the agency is one that works through collective leave.
 */
public final class GovernmentCalendar {

    private final List<NonWorkingDay> nonWorkingDays;
    private final Set<String> workingThroughCutiBersama;
    private final WorkingCalendar observingCutiBersama;
    private final WorkingCalendar workingThroughIt;

    public GovernmentCalendar(List<NonWorkingDay> nonWorkingDays, Set<String> agenciesWorkingThroughCutiBersama) {
        this.nonWorkingDays = List.copyOf(nonWorkingDays);
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
     * The zone an agency counts its days in: its province's; a central agency's, or one of a province
     * the reference data does not list, WIB (the one behaviour for an unknown code, docs/architecture.md).
     *
     * @throws IllegalArgumentException when the code is not an agency code at all
     */
    public ZoneId zoneOf(String agencyCode) {
        return IndonesianRegions.shipped().zoneOf(AgencyCode.parse(agencyCode));
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
        return new GovernmentCalendar(days, workingThroughCutiBersama);
    }

    private Set<LocalDate> dates(java.util.function.Predicate<NonWorkingDay> which) {
        return nonWorkingDays.stream().filter(which).map(NonWorkingDay::date).collect(Collectors.toSet());
    }

    /** The calendar shipped with the service: 2025 and 2026. */
    public static GovernmentCalendar shipped(Set<String> agenciesWorkingThroughCutiBersama) {
        return new GovernmentCalendar(ReferenceCsv.rows("calendar/non-working-days.csv", NonWorkingDay.class),
                agenciesWorkingThroughCutiBersama);
    }
}
