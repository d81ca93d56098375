package id.aduan.web.console.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.web.console.calendar.WorkingCalendar.Day;
import id.aduan.web.console.calendar.WorkingCalendar.MonthDays;
import id.aduan.web.i18n.LanguageCookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final Day INDEPENDENCE = new Day(LocalDate.of(2026, 8, 17), "HOLIDAY", "Hari Kemerdekaan");
    private static final Day NEW_YEAR = new Day(LocalDate.of(2026, 1, 1), "HOLIDAY", "Tahun Baru Masehi");
    private static final Day MAULID = new Day(LocalDate.of(2026, 8, 25), "HOLIDAY", "Maulid Nabi Muhammad");

    @Test
    void daysAreGroupedByMonthInOrderWithTheMonthNamedInThePagesLanguage() {
        List<MonthDays> months = WorkingCalendar.byMonth(List.of(MAULID, INDEPENDENCE, NEW_YEAR), LanguageCookie.INDONESIAN);

        assertThat(months).extracting(MonthDays::name).containsExactly("Januari", "Agustus");
        assertThat(months.get(1).days()).containsExactly(INDEPENDENCE, MAULID);
        assertThat(WorkingCalendar.byMonth(List.of(INDEPENDENCE), LanguageCookie.ENGLISH).get(0).name()).isEqualTo("August");
    }

    @Test
    void theApisFaultsInsideItsListsLandOnTheFormsOneDay() {
        assertThat(WorkingCalendar.formFields(Map.of("declare[0].name", "must not be blank"))).containsEntry("name", "must not be blank");
        assertThat(WorkingCalendar.formFields(Map.of("withdraw[0]", "is not a non-working day"))).containsEntry("date", "is not a non-working day");
        assertThat(WorkingCalendar.formFields(Map.of("declare", "declared twice"))).containsEntry("date", "declared twice");
        assertThat(WorkingCalendar.formFields(Map.of("reason", "must not be blank"))).containsEntry("reason", "must not be blank");
    }
}
