package id.aduan.intake.complaint;

/** A step the complaint's lifecycle does not allow in its current state; nothing was recorded. */
public class ComplaintLifecycleConflict extends RuntimeException {

    private final ComplaintStatus status;

    public ComplaintLifecycleConflict(ComplaintStatus status, String message) {
        super(message + " (the complaint is " + status + ")");
        this.status = status;
    }

    public ComplaintStatus status() {
        return status;
    }
}
