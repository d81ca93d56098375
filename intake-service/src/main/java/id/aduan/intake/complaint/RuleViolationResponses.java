package id.aduan.intake.complaint;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the complaint refuses becomes problem+json: 422 naming the field for a value its rules do
 * not allow, 409 for a step its lifecycle does not allow now, 403 for a reporter's step without the
 * reporter's secret or an agency's step on a complaint not assigned to it, 404 for a complaint that does not exist.
 */
@RestControllerAdvice
class RuleViolationResponses {

    @ExceptionHandler(ComplaintRuleViolation.class)
    ProblemDetail refused(ComplaintRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, violation.getMessage());
        problem.setTitle("The complaint's rules do not allow this");
        problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        return problem;
    }

    @ExceptionHandler(ComplaintLifecycleConflict.class)
    ProblemDetail conflict(ComplaintLifecycleConflict conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("Not allowed at this point of the complaint's lifecycle");
        problem.setProperty("complaintStatus", conflict.status());
        return problem;
    }

    @ExceptionHandler({NotTheReporter.class, NotTheAssignedAgency.class})
    ProblemDetail forbidden(RuntimeException refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No complaint " + e.getAggregateIdentifier() + ".");
    }

    record FieldProblem(String field, String message) {
    }
}
