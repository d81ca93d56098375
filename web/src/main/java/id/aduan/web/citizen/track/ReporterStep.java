package id.aduan.web.citizen.track;

import id.aduan.web.citizen.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * One of the reporter's steps as its small form sent it, checked against the API's limits
 * (docs/openapi/intake.json) and turned into the API's body. Each form's fields have ids of their own
 * ("reply-comment", "rating-comment") so two forms never share one, and errors point at them.
 *
 * @param step the API's path segment: question-answer, information, reporter-answer, rating
 */
record ReporterStep(String step, String text, String choice, String comment) {

    static final int ANSWER_MAX = 10_000;
    static final int COMMENT_MAX = 2_000;

    static ReporterStep read(String step, MultiValueMap<String, String> form) {
        return new ReporterStep(step, value(form, "text"), value(form, "choice"), value(form, "comment"));
    }

    /** The form's anchor for an error that is not about one field. */
    String formId() {
        return prefix() + "form";
    }

    /** The id of the form's field the API's field error is about. */
    String fieldId(String apiField) {
        return switch (apiField) {
            case "answer", "information" -> prefix() + "text";
            case "satisfied", "score" -> prefix() + "choice";
            case "comment" -> prefix() + "comment";
            default -> formId();
        };
    }

    Map<String, String> check(Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (step) {
            case "question-answer", "information" -> {
                if (text.isBlank()) {
                    errors.put(prefix() + "text", messages.get("citizen.track.error.text"));
                } else if (text.strip().length() > ANSWER_MAX) {
                    errors.put(prefix() + "text", messages.get("citizen.submit.error.tooLong", ANSWER_MAX, text.strip().length()));
                }
            }
            case "reporter-answer" -> {
                if (!choice.equals("true") && !choice.equals("false")) {
                    errors.put(prefix() + "choice", messages.get("citizen.track.error.reply"));
                }
            }
            default -> {
                if (!choice.matches("[1-5]")) {
                    errors.put(prefix() + "choice", messages.get("citizen.track.error.score"));
                }
            }
        }
        if (comment.strip().length() > COMMENT_MAX) {
            errors.put(prefix() + "comment", messages.get("citizen.submit.error.tooLong", COMMENT_MAX, comment.strip().length()));
        }
        return errors;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (step) {
            case "question-answer" -> body.put("answer", text.strip());
            case "information" -> body.put("information", text.strip());
            case "reporter-answer" -> body.put("satisfied", Boolean.parseBoolean(choice));
            default -> body.put("score", Integer.parseInt(choice));
        }
        if (!comment.isBlank()) {
            body.put("comment", comment.strip());
        }
        return body;
    }

    /** question-answer → "question.", information → "information.", reporter-answer → "reply.", rating → "rating.". */
    private String prefix() {
        return switch (step) {
            case "question-answer" -> "question.";
            case "reporter-answer" -> "reply.";
            default -> step + ".";
        };
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
