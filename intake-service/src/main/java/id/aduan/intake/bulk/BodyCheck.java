package id.aduan.intake.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads one row of a bulk request (a JSON element, or a CSV line made into one) as a request body
 * and checks it as the single-request endpoint would, naming every field at fault.
 */
@Component
public class BodyCheck {

    private final ObjectMapper json;
    private final Validator validator;

    public BodyCheck(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** @param value the body read, or null when errors says why not */
    public record Checked<T>(T value, List<FieldProblem> errors) {
    }

    /** @param what how the rejection names the expected body: {@code "a manual-form body"} */
    public <T> Checked<T> read(JsonNode body, Class<T> type, String what) {
        T value;
        try {
            value = json.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Checked<>(null, List.of(problemOf(e, what)));
        }
        if (value == null) {
            return new Checked<>(null, List.of(new FieldProblem("row", "must be " + what)));
        }
        List<FieldProblem> errors = validator.validate(value).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return new Checked<>(errors.isEmpty() ? value : null, errors);
    }

    private static FieldProblem problemOf(Exception e, String what) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append(reference.getFieldName() != null
                        ? (path.isEmpty() ? "" : ".") + reference.getFieldName() : "[" + reference.getIndex() + "]");
            }
            return new FieldProblem(path.toString(), mapping instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format");
        }
        return new FieldProblem("row", "is not " + what);
    }
}
