package id.aduan.platform.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the suite answers with (docs/problems.md): each an RFC 9457 {@code type} URI
 * under {@link #BASE}, a title that is the same for every occurrence, and its status. Every problem
 * the suite writes is built here, so a status always comes with its type.
 */
public enum ProblemType {

    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this caller"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflicts with the current state"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Changed meanwhile"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    RULE_VIOLATION(HttpStatus.UNPROCESSABLE_ENTITY, "rule-violation", "A rule does not allow this"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable");

    /**
     * Absolute, as RFC 9457 recommends: a type stays the same wherever the answer is read. Each URI
     * names a section of docs/problems.md (the heading is the last path segment); clients compare
     * the URI and need not fetch it.
     */
    public static final String BASE = "https://aduan.id/problems/";

    private final HttpStatus status;
    private final URI uri;
    private final String title;

    ProblemType(HttpStatus status, String name, String title) {
        this.status = status;
        this.uri = URI.create(BASE + name);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** A problem of this type; {@code detail} says what went wrong this time. */
    public ProblemDetail problem(String detail) {
        return typed(ProblemDetail.forStatusAndDetail(status, detail), this);
    }

    /** The one type of a status, if the suite names one (each status it answers with has exactly one). */
    public static Optional<ProblemType> of(HttpStatusCode status) {
        return Arrays.stream(values()).filter(type -> type.status.value() == status.value()).findFirst();
    }

    /** A problem for {@code status}: typed when the suite names its type, {@code about:blank} otherwise. */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        return typed(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * Gives a problem built elsewhere (Spring's own, for a wrong method or media type) its type and
     * title, unless it has a type already; a status the suite names no type for stays {@code about:blank}.
     */
    public static ProblemDetail typed(ProblemDetail problem) {
        boolean untyped = problem.getType() == null || "about:blank".equals(problem.getType().toString());
        return untyped ? of(HttpStatusCode.valueOf(problem.getStatus())).map(type -> typed(problem, type)).orElse(problem) : problem;
    }

    private static ProblemDetail typed(ProblemDetail problem, ProblemType type) {
        problem.setType(type.uri);
        problem.setTitle(type.title);
        return problem;
    }
}
