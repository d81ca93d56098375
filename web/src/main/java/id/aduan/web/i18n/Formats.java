package id.aduan.web.i18n;

import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.RegionCode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as people in Indonesia read them, in templates as {@code @formats}: a day as
 * "27 Maret 2026", a time with the zone people name it by (WIB, WITA, WIT), in the zone of the agency or
 * region it concerns.
 */
@Component("formats")
public class Formats {

    private static final Map<String, String> ZONE_NAMES =
            Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private final IndonesianRegions regions = IndonesianRegions.shipped();

    /** The zone of an agency (instansi) or region code; the nation's (WIB) for a national agency or no code. */
    public ZoneId zoneOf(String code) {
        if (code == null || code.isBlank()) {
            return IndonesianRegions.NATIONAL_ZONE;
        }
        return RegionCode.parse(code).map(regions::zoneOf)
                .or(() -> AgencyCode.read(code).map(regions::zoneOf))
                .orElse(IndonesianRegions.NATIONAL_ZONE);
    }

    /** "27 Maret 2026": the day an instant falls on in that zone. */
    public String day(Object when, String code, Locale locale) {
        Instant instant = instant(when);
        return instant == null ? "" : day(instant.atZone(zoneOf(code)).toLocalDate(), locale);
    }

    public String day(LocalDate day, Locale locale) {
        // A pattern, not the locale's LONG style: that is "March 27, 2026" in en-ID, unlike dateTime's "27 March 2026".
        return day == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    /** "27 Maret 2026 14.05 WITA". */
    public String dateTime(Object when, String code, Locale locale) {
        Instant instant = instant(when);
        if (instant == null) {
            return "";
        }
        ZoneId zone = zoneOf(code);
        return DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", locale).format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    public String zoneName(ZoneId zone) {
        return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
    }

    /** "12.345" in Indonesian, "12,345" in English. */
    public String number(Number value, Locale locale) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale).format(value);
    }

    /** A percentage from a fraction (0.875 → "87,5%"). */
    public String percent(Number fraction, Locale locale) {
        if (fraction == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(fraction.doubleValue());
    }

    /** A region's or agency's region's name from the Kemendagri reference, or the code itself. */
    public String regionName(String code) {
        return code == null ? "" : regions.name(code).orElse(code);
    }

    private static Instant instant(Object when) {
        if (when instanceof Instant instant) {
            return instant;
        }
        if (when instanceof String text && !text.isBlank()) {
            return Instant.parse(text);
        }
        return null;
    }
}
