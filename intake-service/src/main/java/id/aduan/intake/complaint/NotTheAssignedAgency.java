package id.aduan.intake.complaint;

/** An agency's step on a complaint not assigned to it (or its unit); nothing was recorded. */
public class NotTheAssignedAgency extends RuntimeException {

    public NotTheAssignedAgency() {
        super("Only the agency the complaint is assigned to, or the unit it handed the complaint to, can act on it.");
    }
}
