package id.aduan.intake.complaint;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A command the complaint refuses becomes 422 problem+json naming the field at fault. */
@RestControllerAdvice
class RuleViolationResponses {

    @ExceptionHandler(ComplaintRuleViolation.class)
    ProblemDetail refused(ComplaintRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, violation.getMessage());
        problem.setTitle("The complaint's rules do not allow this");
        problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        return problem;
    }

    record FieldProblem(String field, String message) {
    }
}
