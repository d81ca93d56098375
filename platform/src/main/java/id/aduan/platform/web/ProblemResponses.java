package id.aduan.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Bad input becomes RFC 9457 problem+json naming the field at fault, in an {@code errors} list of
 * {@code {field, message}}; nothing is changed by a rejected request. Every problem answered here,
 * Spring's own included, carries its {@link ProblemType}.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    public record FieldProblem(String field, String message) {
    }

    /** A refusal a handler decides itself (not found, forbidden, conflict), as problem+json. */
    public static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemType.problem(status, detail), null);
    }

    /** For input a handler finds wrong itself: 400 problem+json naming the field, like every other. */
    public static ErrorResponseException invalidField(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                fieldProblems(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(field, message))), null);
    }

    /** A problem naming the fields at fault in {@code errors}; the detail lists them too. */
    public static ProblemDetail fieldProblems(HttpStatusCode status, List<FieldProblem> errors) {
        return invalid(ProblemDetail.forStatus(status), errors);
    }

    /** Spring's problems (a wrong method, media type or body) get their type here, as ours have theirs. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return super.createResponseEntity(body instanceof ProblemDetail problem ? ProblemType.typed(problem) : body,
                headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .toList();
        return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        JsonProcessingException json = findCause(ex, JsonProcessingException.class);
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = mapping instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format";
            invalid(problem, List.of(new FieldProblem(pathOf(mapping), message)));
        } else if (json != null) {
            problem.setDetail("The body is not well-formed JSON.");
        }
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** Constraints on path variables and request parameters, named by the parameter. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        // A request body: name its fields, as for an invalid body alone.
                        ? body.getFieldErrors().stream().map(error -> new FieldProblem(error.getField(), messageOf(error)))
                        : result.getResolvableErrors().stream().map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), messageOf(error))))
                .toList();
        return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, exchange);
    }

    private static ProblemDetail invalid(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ProblemType.typed(problem);
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
