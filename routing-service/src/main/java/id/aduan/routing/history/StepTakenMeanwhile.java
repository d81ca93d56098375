package id.aduan.routing.history;

import id.aduan.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Another step of the same chain was recorded first (two forwards at once): the later one is refused, 409. */
public class StepTakenMeanwhile extends ErrorResponseException {

    StepTakenMeanwhile(String complaintId) {
        super(HttpStatus.CONFLICT, ProblemType.CONFLICT.problem("Complaint " + complaintId
                + " was routed by someone else meanwhile; read its routing again before acting on it."), null);
    }
}
