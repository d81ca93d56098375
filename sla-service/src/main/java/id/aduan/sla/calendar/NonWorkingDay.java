package id.aduan.sla.calendar;

import java.time.LocalDate;

/** A weekday on which government offices are closed. */
public record NonWorkingDay(LocalDate date, Kind kind, String name) {

    public enum Kind {
        /** Hari libur nasional: closed everywhere. */
        HOLIDAY,
        /** Cuti bersama, collective leave: closed unless an agency is configured to work through it. */
        CUTI_BERSAMA
    }
}
