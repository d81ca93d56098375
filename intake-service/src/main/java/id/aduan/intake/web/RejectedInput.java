package id.aduan.intake.web;

import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Input refused before anything was stored; answered as problem+json naming the fields at fault. */
public class RejectedInput extends RuntimeException {

    private final HttpStatus status;
    private final transient List<FieldProblem> errors;

    public RejectedInput(HttpStatus status, List<FieldProblem> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public RejectedInput(HttpStatus status, String field, String message) {
        this(status, List.of(new FieldProblem(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
