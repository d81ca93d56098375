package id.aduan.intake.complaint;

/** A reporter's step taken without the complaint's reporter secret; nothing was recorded. */
public class NotTheReporter extends RuntimeException {

    public NotTheReporter() {
        super("Only the reporter may take this step: send the complaint's reporter secret in " + ReporterSecret.HEADER + ".");
    }
}
