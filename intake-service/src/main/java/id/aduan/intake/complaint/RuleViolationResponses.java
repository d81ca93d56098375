package id.aduan.intake.complaint;

import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import id.aduan.platform.web.ProblemType;
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
        ProblemDetail problem = ProblemResponses.fieldProblems(HttpStatus.UNPROCESSABLE_ENTITY,
                List.of(new FieldProblem(violation.field(), violation.getMessage())));
        problem.setDetail(violation.getMessage());
        return problem;
    }

    @ExceptionHandler(ComplaintLifecycleConflict.class)
    ProblemDetail conflict(ComplaintLifecycleConflict conflict) {
        ProblemDetail problem = ProblemType.CONFLICT.problem(conflict.getMessage());
        problem.setProperty("complaintStatus", conflict.status());
        return problem;
    }

    @ExceptionHandler({NotTheReporter.class, NotTheAssignedAgency.class})
    ProblemDetail forbidden(RuntimeException refused) {
        return ProblemType.FORBIDDEN.problem(refused.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException e) {
        return ProblemType.NOT_FOUND.problem("No complaint " + e.getAggregateIdentifier() + ".");
    }
}
