package id.aduan.routing.reference;

/**
 * A Kemendagri administrative region.
 *
 * @param parentCode the enclosing region; null for a province
 */
public record Region(String code, Level level, String name, String parentCode) {

    public enum Level {
        PROVINCE,
        /** Kabupaten (regency) or kota (city): the level of local government below the province. */
        REGENCY,
        /** Kecamatan: part of a regency/city, without a government of its own. */
        DISTRICT
    }

    /** "Sukajadi (32.73.08)": how explanations name a region. */
    public String label() {
        return name + " (" + code + ")";
    }
}
