package id.aduan.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.Dates;
import org.junit.jupiter.api.Test;

/** The counting rule on the real 2025 and 2026 calendars (SKB 3 Menteri), with the shipped data. */
class GovernmentCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    private static final String PUBLIC_HOSPITAL = "32.73.RSUD";

    private static final GovernmentCalendar CALENDAR = GovernmentCalendar.shipped(Set.of(PUBLIC_HOSPITAL));
    private static final WorkingCalendar NATIONAL = CALENDAR.forCoordinators();

    @Test
    void theShippedCalendarHoldsBothDecrees() {
        assertThat(CALENDAR.nonWorkingDays()).filteredOn(day -> day.date().getYear() == 2025)
                .hasSize(27).filteredOn(day -> day.kind() == NonWorkingDay.Kind.CUTI_BERSAMA).hasSize(10);
        assertThat(CALENDAR.nonWorkingDays()).filteredOn(day -> day.date().getYear() == 2026)
                .hasSize(25).filteredOn(day -> day.kind() == NonWorkingDay.Kind.CUTI_BERSAMA).hasSize(8);
    }

    @Test
    void idulfitri2026ClosesOfficesFromTheEighteenthToTheTwentyFourthOfMarch() {
        // Tuesday 17 March 2026, 10:00 in Jakarta: the next working day is Wednesday 25 March.
        Instant start = Instant.parse("2026-03-17T03:00:00Z");
        assertThat(NATIONAL.deadline(start, 3, WIB).dueDate()).isEqualTo(LocalDate.parse("2026-03-27"));
        assertThat(NATIONAL.deadline(start, 5, WIB).dueDate()).isEqualTo(LocalDate.parse("2026-03-31"));
    }

    @Test
    void anAgencyWorkingThroughCutiBersamaCountsThoseDays() {
        Instant start = Instant.parse("2026-03-17T03:00:00Z");
        // 18 (cuti bersama), 20 (cuti bersama), 23 (cuti bersama) count; 19 is Nyepi, 21-22 a weekend.
        assertThat(CALENDAR.forAgency(PUBLIC_HOSPITAL).deadline(start, 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-23"));
        assertThat(CALENDAR.forAgency("32.73.DUKCAPIL").deadline(start, 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-27"));
    }

    @Test
    void idulfitri2025RunsFromTheTwentyEighthOfMarchToTheSeventhOfApril() {
        Instant thursday = Instant.parse("2025-03-27T03:00:00Z");
        assertThat(NATIONAL.deadline(thursday, 3, WIB).dueDate()).isEqualTo(LocalDate.parse("2025-04-10"));
    }

    @Test
    void countingCrossesTheYearBoundaryPastChristmasAndNewYear() {
        Instant christmasEve2025 = Instant.parse("2025-12-24T03:00:00Z");
        assertThat(NATIONAL.deadline(christmasEve2025, 3, WIB).dueDate()).isEqualTo(LocalDate.parse("2025-12-31"));
        assertThat(NATIONAL.deadline(christmasEve2025, 5, WIB).dueDate()).isEqualTo(LocalDate.parse("2026-01-05"));
    }

    @Test
    void aStartOnAHolidayOrAWeekendCountsFromTheNextWorkingDay() {
        assertThat(NATIONAL.deadline(Instant.parse("2026-01-01T03:00:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-01-06"));
        // Saturday 15 August 2026; Monday the 17th is Independence Day.
        assertThat(NATIONAL.deadline(Instant.parse("2026-08-15T03:00:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-08-20"));
    }

    @Test
    void oneMinuteBeforeAndAtLocalMidnightBeforeAscensionDay() {
        // Tuesday 12 May 2026 23:59 in Jakarta: Wednesday the 13th is the first working day.
        assertThat(NATIONAL.deadline(Instant.parse("2026-05-12T16:59:00Z"), 1, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-05-13"));
        // Wednesday 00:00: then Ascension (14th), cuti bersama (15th) and the weekend: Monday the 18th.
        assertThat(NATIONAL.deadline(Instant.parse("2026-05-12T17:00:00Z"), 1, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-05-18"));
    }

    @Test
    void eachOfTheThreeZonesCountsFromItsOwnLocalDate() {
        Instant thursdayNightInJakarta = Instant.parse("2026-03-05T16:30:00Z");
        assertThat(NATIONAL.deadline(thursdayNightInJakarta, 1, WIB))
                .isEqualTo(new Deadline(LocalDate.parse("2026-03-06"), Instant.parse("2026-03-06T17:00:00Z"), false));
        assertThat(NATIONAL.deadline(thursdayNightInJakarta, 1, WITA))
                .isEqualTo(new Deadline(LocalDate.parse("2026-03-09"), Instant.parse("2026-03-09T16:00:00Z"), false));
        assertThat(NATIONAL.deadline(thursdayNightInJakarta, 1, WIT))
                .isEqualTo(new Deadline(LocalDate.parse("2026-03-09"), Instant.parse("2026-03-09T15:00:00Z"), false));
    }

    @Test
    void anAgencyCountsInItsProvincesZone() {
        assertThat(CALENDAR.zoneOf("32.73.DUKCAPIL")).isEqualTo(WIB);
        assertThat(CALENDAR.zoneOf("51.71.DINKES")).isEqualTo(WITA);
        assertThat(CALENDAR.zoneOf("94.DINSOS")).isEqualTo(WIT);
        assertThat(CALENDAR.zoneOf("KEMENKES")).isEqualTo(WIB);
    }

    @Test
    void anAgencyOfAProvinceTheReferenceDataDoesNotListCountsInWibAndAMalformedCodeIsRefused() {
        assertThat(CALENDAR.zoneOf("99.DINKES")).isEqualTo(WIB);
        assertThatThrownBy(() -> CALENDAR.zoneOf("dinkes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDueDateInAYearWithoutHolidayDataIsProvisional() {
        assertThat(NATIONAL.deadline(Instant.parse("2026-12-21T03:00:00Z"), 3, WIB).provisional()).isFalse();
        assertThat(NATIONAL.deadline(Instant.parse("2026-12-28T03:00:00Z"), 5, WIB).provisional()).isTrue();
    }

    @Property
    void aDueDateIsAlwaysAWorkingDay(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 80) int n) {
        assertThat(NATIONAL.isWorkingDay(NATIONAL.addWorkingDays(start, n))).isTrue();
    }

    @Property
    void addingNThenMWorkingDaysIsAddingNPlusM(@ForAll("days") LocalDate start,
            @ForAll @IntRange(max = 60) int n, @ForAll @IntRange(max = 60) int m) {
        assertThat(NATIONAL.addWorkingDays(NATIONAL.addWorkingDays(start, n), m))
                .isEqualTo(NATIONAL.addWorkingDays(start, n + m));
    }

    @Property
    void aLaterStartNeverGivesAnEarlierDueDate(@ForAll @LongRange(min = 1_735_689_600L, max = 1_798_761_600L) long start,
            @ForAll @LongRange(max = 864_000L) long later, @ForAll @IntRange(min = 1, max = 60) int n) {
        Instant first = Instant.ofEpochSecond(start);
        assertThat(NATIONAL.deadline(first.plusSeconds(later), n, WITA).dueAt())
                .isAfterOrEqualTo(NATIONAL.deadline(first, n, WITA).dueAt());
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Dates.dates().between(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"));
    }
}
