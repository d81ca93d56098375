package id.aduan.intake.web;

import id.aduan.platform.web.ProblemResponses;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class RejectedInputResponses {

    @ExceptionHandler(RejectedInput.class)
    ProblemDetail rejected(RejectedInput rejection) {
        return ProblemResponses.fieldProblems(rejection.status(), rejection.errors());
    }
}
