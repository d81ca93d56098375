package id.aduan.web.console.verification;

import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One complaint of the verification queue and what a coordinator does with it (docs/lifecycle.md): verify it
 * with a classification, the anonim/rahasia flags and any correction of its category or region; defer it
 * until the reporter answers a question; or archive it with a reason. Each action posts, then returns to the
 * queue with a message, or shows the complaint again with what the API refused.
 */
@Controller
class VerificationActions {

    static final Set<String> OUTCOMES = Set.of("verified", "deferred", "archived");
    static final List<String> CLASSIFICATIONS =
            List.of("ASPIRATION", "INFORMATION_REQUEST", "COMPLAINT_NO_SUPERVISORY_WEIGHT", "COMPLAINT_SUPERVISORY_WEIGHT");
    static final List<String> ARCHIVE_REASONS = List.of("INCOMPLETE", "OUT_OF_SCOPE", "DUPLICATE", "NOT_PUBLIC_SERVICE", "OTHER");
    private static final int LONGEST_TEXT = 2000;

    private final Api api;
    private final MessageSource messages;

    VerificationActions(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    /** {@code GET /api/v1/complaints/{id}/case-file}: what the coordinator needs to decide. */
    record CaseFile(Complaint complaint, List<Clock> clocks) {
    }

    record Complaint(String trackingId, String title, String description, String status, String categoryCode,
            String regionCode, String address, String channel, String classification, boolean anonymous,
            boolean confidential, String assignedAgencyCode, Instant submittedAt, Reporter reporter, List<Step> timeline) {
    }

    record Reporter(String name, String phone, String email, String status) {
    }

    record Step(String step, Instant at, String text, String description, String agencyCode) {
    }

    record Clock(String kind, Instant dueAt, boolean paused, boolean stopped, String agencyCode) {
    }

    @GetMapping("/console/verification/{trackingId}")
    Mono<String> complaint(@PathVariable String trackingId, Model model) {
        return page(trackingId, model, Map.of(), null, Map.of());
    }

    @PostMapping("/console/verification/{trackingId}/verify")
    Mono<String> verify(@PathVariable String trackingId, ServerWebExchange exchange, Model model) {
        return act(trackingId, exchange, model, "verification", "verified", (form, errors) -> {
            if (!CLASSIFICATIONS.contains(form.getOrDefault("classification", ""))) {
                errors.put("classification", "console.verification.error.classification");
            }
        }, VerificationActions::verification);
    }

    @PostMapping("/console/verification/{trackingId}/defer")
    Mono<String> defer(@PathVariable String trackingId, ServerWebExchange exchange, Model model) {
        return act(trackingId, exchange, model, "deferral", "deferred", (form, errors) -> {
            String question = form.getOrDefault("question", "").strip();
            if (question.isEmpty() || question.length() > LONGEST_TEXT) {
                errors.put("question", "console.verification.error.question");
            }
        }, form -> Map.of("question", form.get("question").strip()));
    }

    @PostMapping("/console/verification/{trackingId}/archive")
    Mono<String> archive(@PathVariable String trackingId, ServerWebExchange exchange, Model model) {
        return act(trackingId, exchange, model, "archive", "archived", (form, errors) -> {
            if (!ARCHIVE_REASONS.contains(form.getOrDefault("reason", ""))) {
                errors.put("reason", "console.verification.error.reason");
            }
            if (form.getOrDefault("note", "").strip().length() > LONGEST_TEXT) {
                errors.put("note", "console.verification.error.note");
            }
        }, form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", form.get("reason"));
            putIfGiven(body, "note", form.get("note"));
            return body;
        });
    }

    /**
     * Checks the form (errors are message keys), posts it to the API's {@code /complaints/{id}/<action>} and
     * redirects to the queue; a refusal the form can explain (400, 409, 422) shows the complaint again.
     */
    private Mono<String> act(String trackingId, ServerWebExchange exchange, Model model, String action, String outcome,
            BiConsumer<Map<String, String>, Map<String, String>> validate, Function<Map<String, String>, Map<String, Object>> body) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().map(VerificationActions::fields).flatMap(form -> {
            if (form.containsKey("regionCodeAction") || form.containsKey("regionCodePick")) {
                // Without script, the region picker's own buttons send the form back to show the next level.
                return page(trackingId, model, Map.of(), null, Map.of(action, form));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            validate.accept(form, errors);
            if (!errors.isEmpty()) {
                errors.replaceAll((field, key) -> messages.getMessage(key, null, locale));
                return page(trackingId, model, errors, null, Map.of(action, form));
            }
            return api.client().post().uri("/api/v1/complaints/{id}/" + action, trackingId)
                    .bodyValue(body.apply(form))
                    .retrieve().toBodilessEntity()
                    .thenReturn("redirect:/console/verification?done=" + outcome + "&id=" + trackingId)
                    .onErrorResume(ApiProblem.class, problem -> problem.is(400) || problem.is(409) || problem.is(422)
                            ? page(trackingId, model, problem.fieldErrors(), problem.fieldErrors().isEmpty() ? problem.detail() : null, Map.of(action, form))
                            : Mono.error(problem));
        });
    }

    private Mono<String> page(String trackingId, Model model, Map<String, String> errors, String refusal,
            Map<String, Map<String, String>> forms) {
        return api.client().get().uri("/api/v1/complaints/{id}/case-file", trackingId)
                .retrieve().bodyToMono(CaseFile.class)
                .map(caseFile -> {
                    model.addAttribute("caseFile", caseFile);
                    model.addAttribute("errors", errors);
                    model.addAttribute("refusal", refusal);
                    model.addAttribute("classifications", CLASSIFICATIONS);
                    model.addAttribute("archiveReasons", ARCHIVE_REASONS);
                    // A deferred complaint waits for the reporter: it may only be archived meanwhile.
                    String status = caseFile.complaint().status();
                    model.addAttribute("awaiting", status.equals("AWAITING_VERIFICATION"));
                    model.addAttribute("open", status.equals("AWAITING_VERIFICATION") || status.equals("DEFERRED"));
                    // What was typed comes back after a refusal; otherwise the complaint's own values.
                    model.addAttribute("verification", forms.getOrDefault("verification", Map.of()));
                    model.addAttribute("deferral", forms.getOrDefault("deferral", Map.of()));
                    model.addAttribute("archive", forms.getOrDefault("archive", Map.of()));
                    return "console/verification-complaint";
                });
    }

    /** The body of {@code POST /api/v1/complaints/{id}/verification} (VerificationRequest) from the form. */
    static Map<String, Object> verification(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classification", form.get("classification"));
        // Both flags always go, an unticked box as false: the API requires them so that neither is forgotten.
        body.put("anonymous", form.containsKey("anonymous"));
        body.put("confidential", form.containsKey("confidential"));
        // A field left out keeps what was submitted; the same value again records no correction.
        putIfGiven(body, "categoryCode", form.get("categoryCode"));
        putIfGiven(body, "regionCode", form.get("regionCode"));
        return body;
    }

    /** The form's fields, one value each; the region picker sends one per level, coarsest first, and the finest counts. */
    static Map<String, String> fields(MultiValueMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form.toSingleValueMap());
        fields.remove("regionCode");
        form.getOrDefault("regionCode", List.of()).stream().filter(value -> !value.isBlank()).reduce((coarser, finer) -> finer)
                .ifPresent(finest -> fields.put("regionCode", finest));
        String picked = form.getFirst("regionCodePick");
        if (picked != null && !picked.isBlank()) {
            fields.put("regionCode", picked);
        }
        return fields;
    }

    private static void putIfGiven(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
