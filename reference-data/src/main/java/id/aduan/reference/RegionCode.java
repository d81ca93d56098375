package id.aduan.reference;

import id.aduan.contracts.Codes;
import java.util.Optional;

/**
 * A Kemendagri region code split into the levels that enclose it: the codes nest by prefix
 * (province {@code 32}, regency/city {@code 32.73}, district {@code 32.73.01}). A village code
 * ({@code 32.73.01.1001}) counts as its district: villages are not in the reference data, and no
 * service needs more than the district. A coarser code leaves the finer levels null.
 */
public record RegionCode(String province, String regency, String district) {

    /** No region at all: every level null. */
    public static final RegionCode NONE = new RegionCode(null, null, null);

    public enum Level {
        PROVINCE, REGENCY, DISTRICT;

        /** The level a region code is at: {@code 32} province, {@code 32.73} regency, {@code 32.73.01} (or a village in it) district. */
        public static Level of(String code) {
            return values()[Math.min(code.split("\\.").length, 3) - 1];
        }

        /** The next finer level, or null below districts (villages are not in the data). */
        public Level finer() {
            return this == DISTRICT ? null : values()[ordinal() + 1];
        }
    }

    /** The code split into its levels; empty when it is null or not of the contract's shape ({@link Codes#REGION}). */
    public static Optional<RegionCode> parse(String code) {
        if (code == null || !code.matches(Codes.REGION)) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.");
        return Optional.of(new RegionCode(parts[0],
                parts.length > 1 ? parts[0] + "." + parts[1] : null,
                parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : null));
    }

    /** The region at this level enclosing (or being) this one; null when this one is coarser. */
    public String at(Level level) {
        return switch (level) {
            case PROVINCE -> province;
            case REGENCY -> regency;
            case DISTRICT -> district;
        };
    }

    /** The finest level this code names; null for {@link #NONE}. */
    public Level level() {
        return district != null ? Level.DISTRICT : regency != null ? Level.REGENCY : province != null ? Level.PROVINCE : null;
    }

    /** The code of the finest level ({@code 32.73.01} for a village in it); null for {@link #NONE}. */
    public String code() {
        Level level = level();
        return level == null ? null : at(level);
    }
}
