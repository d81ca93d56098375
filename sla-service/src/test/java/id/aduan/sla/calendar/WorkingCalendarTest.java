package id.aduan.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.Dates;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private final WorkingCalendar calendar = new WorkingCalendar();

    @Test
    void threeWorkingDaysFromAMondayMorningEndOnThursdayNight() {
        Deadline deadline = calendar.deadline(Instant.parse("2026-03-02T02:00:00Z"), 3, WIB);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-03-05T17:00:00Z"));
    }

    @Test
    void aClockStartedOnAFridayRunsOverTheWeekend() {
        assertThat(calendar.deadline(Instant.parse("2026-03-06T03:00:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-11"));
    }

    @Test
    void aClockStartedOnASaturdayCountsFromMonday() {
        assertThat(calendar.deadline(Instant.parse("2026-03-07T03:00:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-11"));
    }

    @Test
    void oneMinuteBeforeAndAfterLocalMidnightFallOnDifferentDays() {
        // Thursday 23:59 WIB: Friday is the first working day counted.
        assertThat(calendar.deadline(Instant.parse("2026-03-05T16:59:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-10"));
        // Friday 00:00 WIB: Monday is the first working day counted.
        assertThat(calendar.deadline(Instant.parse("2026-03-05T17:00:00Z"), 3, WIB).dueDate())
                .isEqualTo(LocalDate.parse("2026-03-11"));
    }

    @Test
    void theSameInstantCountsFromTheActingPartysOwnDate() {
        Instant thursdayNightInJakarta = Instant.parse("2026-03-05T16:30:00Z");
        assertThat(calendar.deadline(thursdayNightInJakarta, 1, WIB).dueDate()).isEqualTo(LocalDate.parse("2026-03-06"));
        // Already Friday 00:30 in Makassar and 01:30 in Jayapura.
        assertThat(calendar.deadline(thursdayNightInJakarta, 1, WITA).dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        Deadline jayapura = calendar.deadline(thursdayNightInJakarta, 1, WIT);
        assertThat(jayapura.dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(jayapura.dueAt()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
    }

    @Test
    void countingCrossesTheYearBoundary() {
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-31"), 2)).isEqualTo(LocalDate.parse("2026-01-02"));
    }

    @Property
    void aDueDateIsAlwaysAWorkingDay(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 80) int n) {
        assertThat(calendar.isWorkingDay(calendar.addWorkingDays(start, n))).isTrue();
    }

    @Property
    void addingNThenMWorkingDaysIsAddingNPlusM(@ForAll("days") LocalDate start,
            @ForAll @IntRange(max = 60) int n, @ForAll @IntRange(max = 60) int m) {
        assertThat(calendar.addWorkingDays(calendar.addWorkingDays(start, n), m))
                .isEqualTo(calendar.addWorkingDays(start, n + m));
    }

    @Property
    void aLaterStartNeverGivesAnEarlierDueDate(@ForAll @LongRange(min = 1_735_689_600L, max = 1_798_761_600L) long start,
            @ForAll @LongRange(max = 864_000L) long later, @ForAll @IntRange(min = 1, max = 60) int n) {
        Instant first = Instant.ofEpochSecond(start);
        assertThat(calendar.deadline(first.plusSeconds(later), n, WITA).dueAt())
                .isAfterOrEqualTo(calendar.deadline(first, n, WITA).dueAt());
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Dates.dates().between(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"));
    }
}
