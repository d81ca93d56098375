package id.aduan.intake.complaint;

/** A command the complaint's rules do not allow; nothing was recorded. */
public class ComplaintRuleViolation extends RuntimeException {

    private final String field;

    public ComplaintRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
