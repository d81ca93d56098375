package id.aduan.web.agency.casework;

import id.aduan.web.agency.casefile.CaseFilePage;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.security.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The agency's work on a complaint, each a form on its case file (docs/lifecycle.md): a follow-up with attachments,
 * a question to the reporter, a unit, a forward to another agency, completion. Each posts to the API and redirects
 * back to the case file with a success message, or shows the case file again with the API's refusal beside the
 * fields. A 403 or 404 from the API is the error page of that status.
 */
@Controller
class CaseworkController {

    private final Api api;
    private final CaseFilePage page;
    private final MessageSource messages;

    CaseworkController(Api api, CaseFilePage page, MessageSource messages) {
        this.api = api;
        this.page = page;
        this.messages = messages;
    }

    record QuestionForm(String question) {
    }

    record UnitForm(String unitCode) {
    }

    record ForwardForm(String reason, String suggestedAgencyCode) {
    }

    @PostMapping("/agency/complaints/{trackingId}/follow-ups")
    Mono<String> followUp(@PathVariable String trackingId, ServerWebExchange exchange, Authentication authentication, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            String text = field(parts, "text");
            Map<String, Object> form = Map.of("text", text);
            if (text.isBlank()) {
                return refused(trackingId, "followUp", form, Map.of("text", required(exchange)), authentication, model);
            }
            List<FilePart> files = files(parts);
            return Flux.fromIterable(files).concatMap(api::upload).collectList()
                    .onErrorMap(ApiProblem.class, problem -> problem.is(400) || problem.is(413) || problem.is(415)
                            ? new ApiProblem(problem.getStatusCode(), problem.type(), problem.detail(), Map.of("attachments", problem.detail()))
                            : problem)
                    .flatMap(ids -> post(trackingId, "follow-ups", Map.of("text", text, "attachmentIds", ids)))
                    .then(done(trackingId, "follow-up"))
                    .onErrorResume(ApiProblem.class, problem -> refused(trackingId, "followUp", form, problem, authentication, model));
        });
    }

    @PostMapping("/agency/complaints/{trackingId}/question")
    Mono<String> question(@PathVariable String trackingId, QuestionForm form, ServerWebExchange exchange,
            Authentication authentication, Model model) {
        return oneField(trackingId, "question", "question", "question", trim(form.question()), exchange, authentication, model);
    }

    @PostMapping("/agency/complaints/{trackingId}/unit-assignment")
    Mono<String> unit(@PathVariable String trackingId, UnitForm form, ServerWebExchange exchange,
            Authentication authentication, Model model) {
        return oneField(trackingId, "unitAssignment", "unit-assignment", "unitCode", trim(form.unitCode()), exchange,
                authentication, model);
    }

    @PostMapping("/agency/complaints/{trackingId}/forwarding")
    Mono<String> forward(@PathVariable String trackingId, ForwardForm form, ServerWebExchange exchange,
            Authentication authentication, Model model) {
        String reason = trim(form.reason());
        String suggested = trim(form.suggestedAgencyCode());
        Map<String, Object> entered = Map.of("reason", reason, "suggestedAgencyCode", suggested);
        if (reason.isBlank()) {
            return refused(trackingId, "forwarding", entered, Map.of("reason", required(exchange)), authentication, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (!suggested.isBlank()) {
            body.put("suggestedAgencyCode", suggested);
        }
        // Forwarded, the complaint is no longer this agency's: back to the inbox, where it is gone.
        return post(trackingId, "forwarding", body).thenReturn("redirect:/agency/inbox?forwarded=" + trackingId)
                .onErrorResume(ApiProblem.class, problem -> refused(trackingId, "forwarding", entered, problem, authentication, model));
    }

    @PostMapping("/agency/complaints/{trackingId}/completion")
    Mono<String> complete(@PathVariable String trackingId, Authentication authentication, Model model) {
        return post(trackingId, "completion", Map.of()).then(done(trackingId, "completion"))
                .onErrorResume(ApiProblem.class, problem -> refused(trackingId, "completion", Map.of(), problem, authentication, model));
    }

    /** An action of one required field, sent to the API's {@code step} under the field's name. */
    private Mono<String> oneField(String trackingId, String action, String step, String field, String value,
            ServerWebExchange exchange, Authentication authentication, Model model) {
        Map<String, Object> entered = Map.of(field, value);
        if (value.isBlank()) {
            return refused(trackingId, action, entered, Map.of(field, required(exchange)), authentication, model);
        }
        return post(trackingId, step, entered).then(done(trackingId, step))
                .onErrorResume(ApiProblem.class, problem -> refused(trackingId, action, entered, problem, authentication, model));
    }

    private Mono<Void> post(String trackingId, String step, Map<String, ?> body) {
        return api.client().post().uri("/api/v1/complaints/{id}/" + step, trackingId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().toBodilessEntity().then();
    }

    private static Mono<String> done(String trackingId, String action) {
        return Mono.just("redirect:/agency/complaints/" + trackingId + "?done=" + action);
    }

    /** 400, 409 and 422 are the person's to correct: the case file again, the refusal beside the form's fields. */
    private Mono<String> refused(String trackingId, String action, Map<String, Object> form, ApiProblem problem,
            Authentication authentication, Model model) {
        if (!(problem.is(400) || problem.is(409) || problem.is(413) || problem.is(415) || problem.is(422))) {
            return Mono.error(problem);
        }
        Map<String, String> errors = new LinkedHashMap<>(problem.fieldErrors());
        if (errors.isEmpty()) {
            errors.put(action, problem.detail());
        }
        return refused(trackingId, action, form, errors, authentication, model);
    }

    private Mono<String> refused(String trackingId, String action, Map<String, Object> form, Map<String, String> errors,
            Authentication authentication, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("failedAction", action);
        model.addAttribute("form", form);
        return page.render(trackingId, Person.of(authentication).orElseThrow(), model);
    }

    private String required(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return messages.getMessage("form.required", null, locale != null ? locale : Locale.forLanguageTag("id"));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getOrDefault(name, List.of()).stream().filter(FormFieldPart.class::isInstance)
                .map(part -> ((FormFieldPart) part).value().trim()).findFirst().orElse("");
    }

    /** The files chosen; a browser sends an empty part with no file name when none was. */
    private static List<FilePart> files(MultiValueMap<String, Part> parts) {
        return parts.getOrDefault("attachments", List.of()).stream().filter(FilePart.class::isInstance)
                .map(FilePart.class::cast).filter(file -> !file.filename().isBlank()).toList();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
