package id.aduan.web.agency.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InboxRowTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    /** The first late instant after 29 December 2026 in WIB: midnight, 17:00 UTC the day before. */
    private static final Instant DUE = Instant.parse("2026-12-29T17:00:00Z");

    @Test
    void theLastDayToActIsTheDayBeforeTheFirstLateInstant() {
        assertThat(row(DUE).lastDay(WIB)).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void daysLeftCountFromTodayInTheAgencysZone() {
        // 03:19 WIB on 7 December, still 6 December in UTC.
        Instant now = Instant.parse("2026-12-06T20:19:00Z");
        assertThat(row(DUE).daysLeft(WIB, now)).isEqualTo(22);
        assertThat(row(DUE).daysLeft(WIB, Instant.parse("2026-12-29T16:59:00Z"))).isZero();
        assertThat(row(DUE).daysLeft(WIB, Instant.parse("2026-12-31T02:00:00Z"))).isEqualTo(-2);
    }

    @Test
    void theSameDeadlineReadsAsTheDayItIsInTheAgencysOwnZone() {
        Instant dueInWita = Instant.parse("2026-12-29T16:00:00Z");
        assertThat(row(dueInWita).lastDay(WITA)).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void noRunningDeadlineHasNoDaysLeft() {
        assertThat(row(null).daysLeft(WIB, Instant.now())).isNull();
    }

    private static InboxRow row(Instant due) {
        return new InboxRow("ADU-1", "Jalan", "VERIFIED", "INFRA.ROAD", "32.73.01", "WEB", null, "32.73.DPUPR", null,
                Instant.parse("2026-12-06T20:19:00Z"), due, due == null ? null : "FOLLOW_UP", false, false);
    }
}
