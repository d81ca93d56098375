package id.aduan.intake.complaint;

/**
 * The reporter (pelapor) as they identified themselves; never leaves intake.
 *
 * @param socialMediaHandle the X/Twitter handle ({@code @name}) a social-media complaint came from, or null
 */
public record Reporter(String name, String email, String phone, String socialMediaHandle) {

    /** A reporter known by name, email or phone, as the apps and the manual form give them. */
    public Reporter(String name, String email, String phone) {
        this(name, email, phone, null);
    }
}
