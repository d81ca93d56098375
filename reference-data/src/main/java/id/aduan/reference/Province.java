package id.aduan.reference;

import java.time.ZoneId;

/**
 * A province and the time zone its government keeps (Keppres 41/1987).
 *
 * @param code the two-digit Kemendagri code
 * @param zoneName WIB, WITA or WIT, as Indonesians name the zone
 */
public record Province(String code, String name, String zoneName, ZoneId zone) {
}
