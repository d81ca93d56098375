package id.aduan.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token can carry in its {@code roles} claim. */
public enum Role {
    /** A reporter (pelapor), or the citizen app acting for one. */
    CITIZEN("citizen"),
    /** National coordinator (admin nasional): verifies, routes and monitors across all agencies. */
    COORDINATOR("coordinator"),
    /** Agency admin (admin instansi), scoped to the agency in the token's {@code agency} claim. */
    AGENCY("agency"),
    /**
     * Liaison officer (pejabat penghubung) of one unit of an agency, in the token's {@code unit} claim:
     * writes the follow-ups of the complaints the agency admin handed to that unit.
     */
    LIAISON_OFFICER("liaison-officer"),
    /** Ombudsman RI: reads everything, changes nothing (platform refuses its every write). */
    OMBUDSMAN("ombudsman");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
