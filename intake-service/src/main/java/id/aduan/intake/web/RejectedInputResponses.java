package id.aduan.intake.web;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class RejectedInputResponses {

    @ExceptionHandler(RejectedInput.class)
    ProblemDetail rejected(RejectedInput rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", rejection.errors());
        return problem;
    }
}
