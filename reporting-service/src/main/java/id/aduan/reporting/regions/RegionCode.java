package id.aduan.reporting.regions;

import id.aduan.contracts.Codes;

/**
 * A Kemendagri region code split into the levels that enclose it: the codes nest by prefix
 * (province {@code 32}, regency/city {@code 32.73}, district {@code 32.73.01}). A village code counts
 * as its district; a coarser code leaves the finer levels null.
 */
public record RegionCode(String province, String regency, String district) {

    public enum Level {
        PROVINCE, REGENCY, DISTRICT;

        /** The level a region code is at: {@code 32} province, {@code 32.73} regency, {@code 32.73.01} district. */
        public static Level of(String code) {
            return values()[Math.min(code.split("\\.").length, 3) - 1];
        }

        /** The next finer level, or null below districts (villages are not reported). */
        public Level finer() {
            return this == DISTRICT ? null : values()[ordinal() + 1];
        }

        /** The field of a complaint's read-model document that holds its region at this level. */
        public String field() {
            return "region." + name().toLowerCase();
        }
    }

    public static RegionCode parse(String code) {
        if (code == null || !code.matches(Codes.REGION)) {
            return new RegionCode(null, null, null);
        }
        String[] parts = code.split("\\.");
        return new RegionCode(parts[0],
                parts.length > 1 ? parts[0] + "." + parts[1] : null,
                parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : null);
    }

    public String at(Level level) {
        return switch (level) {
            case PROVINCE -> province;
            case REGENCY -> regency;
            case DISTRICT -> district;
        };
    }
}
