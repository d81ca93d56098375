package id.aduan.web.console.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Erasing a reporter's personal data on their verified request (docs/personal-data.md, "Erasure"): the form,
 * a page that says what is about to happen and asks again (without JS too), then the API's record of it.
 */
@Controller
class ErasurePage {

    static final String PATH = "/console/erasure";
    /** The last erasure's record, shown once on the page the form redirects to. */
    private static final String DONE = ErasurePage.class.getName() + ".done";

    private final Api api;
    private final MessageSource messages;
    private final Clock clock;

    ErasurePage(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
        this.clock = Clock.system(IndonesianRegions.NATIONAL_ZONE);
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("form", ErasureForm.empty());
        return "console/erasure";
    }

    /** Nothing is erased yet: the coordinator reads what will happen, and confirms or goes back. */
    @PostMapping(PATH + "/review")
    String review(@ModelAttribute("form") ErasureForm form, Model model, ServerWebExchange exchange) {
        Map<String, String> errors = errors(form, exchange);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "console/erasure";
        }
        return "console/erasure-confirm";
    }

    @PostMapping(PATH)
    Mono<Rendering> erase(@ModelAttribute("form") ErasureForm form, ServerWebExchange exchange) {
        Map<String, String> errors = errors(form, exchange);
        if (!errors.isEmpty()) {
            return Mono.just(Rendering.view("console/erasure").modelAttribute("errors", errors).build());
        }
        return api.client().post().uri("/api/v1/reporters/{reporterRef}/erasure", form.reporterRef())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(form.body())
                .retrieve().bodyToMono(JsonNode.class)
                .flatMap(erasure -> exchange.getSession().map(session -> {
                    session.getAttributes().put(DONE, Erased.of(erasure));
                    return Rendering.redirectTo(PATH + "/done").status(HttpStatus.SEE_OTHER).build();
                }))
                .onErrorResume(ApiProblem.class, problem -> refused(problem, exchange));
    }

    /** 404: no such reporter; 400 and 422 name the field (a verification text that names the person). */
    private Mono<Rendering> refused(ApiProblem problem, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem.is(404)) {
            errors.put("reporterRef", messages.getMessage("console.erasure.reporterRef.unknown", null, locale));
        } else if (problem.is(400) || problem.is(422)) {
            // In the person's language where the bundle words the refusal, else in the API's words.
            String prefix = problem.is(422) ? "console.erasure.refused." : "console.erasure.invalid.";
            problem.fieldErrors().forEach((field, apiMessage) ->
                    errors.put(field, messages.getMessage(prefix + field, null, apiMessage, locale)));
            if (errors.isEmpty()) {
                errors.put("reporterRef", problem.detail());
            }
        } else {
            return Mono.error(problem);
        }
        return Mono.just(Rendering.view("console/erasure").modelAttribute("errors", errors)
                .status(HttpStatus.UNPROCESSABLE_ENTITY).build());
    }

    @GetMapping(PATH + "/done")
    Mono<Rendering> done(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> {
            Object erased = session.getAttributes().remove(DONE);
            return erased == null ? Rendering.redirectTo(PATH).status(HttpStatus.SEE_OTHER).build()
                    : Rendering.view("console/erasure-done").modelAttribute("erased", erased).build();
        });
    }

    private Map<String, String> errors(ErasureForm form, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return form.errors(LocalDate.now(clock), key -> messages.getMessage(key, null, locale));
    }

    /** The API's record of an erasure (its Erasure schema), kept in the session until it is shown. */
    record Erased(String reporterRef, String status, int complaints, String erasedBy, String erasedAt, String requestedAt,
            String verification) implements Serializable {

        static Erased of(JsonNode erasure) {
            return new Erased(erasure.path("reporterRef").asText(), erasure.path("status").asText(),
                    erasure.path("complaints").asInt(), erasure.path("erasedBy").asText(), erasure.path("erasedAt").asText(),
                    erasure.path("requestedAt").asText(), erasure.path("verification").asText());
        }
    }
}
