package id.aduan.routing.reference;

import java.time.ZoneId;

/**
 * A government body that handles complaints (instansi).
 *
 * @param code {@code <region code>.<UNIT>} for a regional office ({@code 32.73.DUKCAPIL}), the unit alone for a central one
 * @param regionCode the province or regency/city the office belongs to; null for a central agency
 * @param zone where its working days are counted
 * @param parentCode the body above it: for a regency/city office the province's office of the same
 *     affair if there is one, otherwise the supervising ministry; null for a central agency
 */
public record Agency(String code, String name, Level level, String regionCode, ZoneId zone, String parentCode) {

    public enum Level {
        CENTRAL,
        PROVINCE,
        REGENCY
    }

    /** "Dinas Pendidikan Kota Bandung (32.73.DISDIK)": how explanations name an agency. */
    public String label() {
        return name + " (" + code + ")";
    }
}
