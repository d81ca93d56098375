package id.aduan.intake.complaint;

/**
 * The reporter (pelapor) as they identified themselves; never leaves intake.
 *
 * @param nik Nomor Induk Kependudukan, the 16-digit national identity number, when the reporter gave it
 * @param socialMediaHandle the X/Twitter handle ({@code @name}) a social-media complaint came from, or null
 */
public record Reporter(String name, String email, String phone, String nik, String socialMediaHandle) {

    /** A reporter known by name, email or phone, as Open311 clients and SMS give them. */
    public Reporter(String name, String email, String phone) {
        this(name, email, phone, null, null);
    }
}
