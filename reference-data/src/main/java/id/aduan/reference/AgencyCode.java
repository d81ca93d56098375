package id.aduan.reference;

import id.aduan.contracts.Codes;
import java.util.Optional;

/**
 * What an agency's (instansi's) code says about it ({@link Codes#AGENCY}): a central agency's code is
 * its short name alone ({@code KEMENKES}); a regional office's is the Kemendagri code of its province
 * ({@code 32.DPUPR}) or regency/city ({@code 32.73.DPUPR}), a dot and the office's short name.
 *
 * @param province null for a central agency
 * @param regency null for a central or provincial agency
 * @param unit the short name after the region code ({@code DPUPR}), the whole code for a central agency
 */
public record AgencyCode(String code, Level level, String province, String regency, String unit) {

    public enum Level {
        CENTRAL, PROVINCE, REGENCY
    }

    /**
     * The parts of an agency code.
     *
     * @throws IllegalArgumentException when the code is not of the contract's shape
     */
    public static AgencyCode parse(String code) {
        return read(code).orElseThrow(() -> new IllegalArgumentException("not an agency code: " + code));
    }

    /** The parts of an agency code; empty when it is null or not of the contract's shape. */
    public static Optional<AgencyCode> read(String code) {
        if (code == null || !code.matches(Codes.AGENCY)) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.");
        String unit = parts[parts.length - 1];
        return Optional.of(switch (parts.length) {
            case 1 -> new AgencyCode(code, Level.CENTRAL, null, null, unit);
            case 2 -> new AgencyCode(code, Level.PROVINCE, parts[0], null, unit);
            default -> new AgencyCode(code, Level.REGENCY, parts[0], parts[0] + "." + parts[1], unit);
        });
    }

    /** The office of a unit in a province or regency/city: {@code 32.73} and {@code DUKCAPIL} give {@code 32.73.DUKCAPIL}. */
    public static AgencyCode office(String regionCode, String unit) {
        return parse(regionCode + "." + unit);
    }

    /** The province or regency/city the office belongs to; null for a central agency. */
    public String regionCode() {
        return regency != null ? regency : province;
    }
}
