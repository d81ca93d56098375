package id.aduan.intake.complaint;

/** The reporter (pelapor) as they identified themselves; never leaves intake. */
public record Reporter(String name, String email, String phone) {
}
