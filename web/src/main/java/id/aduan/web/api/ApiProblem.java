package id.aduan.web.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API refused a call: its RFC 9457 problem (docs/problems.md). A page shows {@link #fieldErrors()} beside
 * the fields at fault; a status no page handles (403, 404...) becomes the error page of that status.
 *
 * @see Api
 */
public class ApiProblem extends ResponseStatusException {

    private final String type;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblem(HttpStatusCode status, String type, String detail, Map<String, String> fieldErrors) {
        super(status, detail);
        this.type = type;
        this.detail = detail;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** The problem's type URI, such as {@code https://aduan.id/problems/rule-violation}. */
    public String type() {
        return type;
    }

    /** What happened, written by the API for a person. */
    public String detail() {
        return detail;
    }

    /** Each field at fault (a path into the request body, as {@code location.regionCode}) with the API's message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean is(int status) {
        return getStatusCode().value() == status;
    }
}
