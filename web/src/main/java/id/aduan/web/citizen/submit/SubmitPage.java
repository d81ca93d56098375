package id.aduan.web.citizen.submit;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.citizen.Messages;
import id.aduan.web.citizen.ReporterSecrets;
import id.aduan.web.reference.Pickers;
import id.aduan.web.reference.RegionChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Submitting a complaint without logging in (docs/web.md, "Citizen portal"): the form, then each file uploaded
 * to {@code POST /api/v1/attachments} and the complaint sent to {@code POST /api/v1/complaints} with their ids.
 *
 * <p>The answer page, with the tracking id and the reporter secret, is rendered on the POST's own response with
 * {@code Cache-Control: no-store} rather than after a redirect: the secret then exists only in that one response,
 * never in a URL, a cache or a page that can be opened again. Sending the form again (reload, back) files
 * nothing new: the form's Idempotency-Key makes the API answer the same complaint, without the secret.
 */
@Controller
class SubmitPage {

    private static final String FORM = "citizen/new";

    private final Api api;
    private final Pickers pickers;
    private final MessageSource messageSource;

    SubmitPage(Api api, Pickers pickers, MessageSource messageSource) {
        this.api = api;
        this.pickers = pickers;
        this.messageSource = messageSource;
    }

    @GetMapping("/complaints/new")
    String form(Model model) {
        model.addAttribute("form", ComplaintForm.empty(UUID.randomUUID().toString()));
        return FORM;
    }

    @PostMapping(value = "/complaints/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> submit(ServerWebExchange exchange, Model model) {
        Messages messages = new Messages(messageSource, exchange.getLocaleContext().getLocale());
        return exchange.getMultipartData().flatMap(parts -> {
            ComplaintForm form = read(parts);
            model.addAttribute("form", form);
            if (pickingRegion(parts, model)) {
                return Mono.just(FORM);
            }
            List<FilePart> files = files(parts);
            Map<String, String> errors = form.check(files.size(), messages);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                return Mono.just(FORM);
            }
            return Flux.fromIterable(files).concatMap(api::upload).collectList()
                    .flatMap(attachmentIds -> api.client().post().uri("/api/v1/complaints")
                            .header("Idempotency-Key", form.submissionKey())
                            .bodyValue(request(form, attachmentIds))
                            .retrieve().bodyToMono(JsonNode.class))
                    .flatMap(submitted -> exchange.getSession().map(session -> {
                        String trackingId = submitted.path("trackingId").asText();
                        String secret = submitted.path("reporterSecret").asText("");
                        if (!secret.isEmpty()) {
                            // This browser may follow its complaint at once without typing the secret back.
                            ReporterSecrets.keep(session, trackingId, secret);
                        }
                        exchange.getResponse().getHeaders().setCacheControl("no-store");
                        model.addAttribute("submitted", submitted);
                        model.addAttribute("confidential", form.confidential());
                        return "citizen/submitted";
                    }))
                    .onErrorResume(ApiProblem.class, problem -> refused(problem, model, messages));
        });
    }

    /** The no-script region picker's buttons: show the form again with the next level or the search's matches. */
    private boolean pickingRegion(MultiValueMap<String, Part> parts, Model model) {
        String action = value(parts, "regionCodeAction");
        String picked = value(parts, "regionCodePick");
        if (!picked.isEmpty()) {
            ComplaintForm form = (ComplaintForm) model.getAttribute("form");
            model.addAttribute("form", withRegion(form, picked));
            return true;
        }
        if ("search".equals(action)) {
            String query = value(parts, "regionCodeQuery");
            model.addAttribute("regionQuery", query);
            model.addAttribute("regionMatches", pickers.search(query));
            return true;
        }
        return "pick".equals(action);
    }

    private Mono<String> refused(ApiProblem problem, Model model, Messages messages) {
        if (problem.getStatusCode().is5xxServerError()) {
            return Mono.error(problem);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> errors.merge(formField(field), message, (a, b) -> a + "; " + b));
        if (errors.isEmpty()) {
            errors.put("complaint-form", problem.is(413) ? messages.get("citizen.submit.error.fileTooLarge")
                    : problem.is(415) ? messages.get("citizen.submit.error.fileType") : problem.detail());
        }
        model.addAttribute("errors", errors);
        return Mono.just(FORM);
    }

    /** The API's field path (location.regionCode, reporter.email, attachmentIds[0]) as the form's field. */
    static String formField(String apiField) {
        if (apiField.startsWith("attachmentIds") || apiField.equals("file")) {
            return "attachments";
        }
        return apiField.replaceFirst("^(location|reporter)\\.", "");
    }

    static Map<String, Object> request(ComplaintForm form, List<String> attachmentIds) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("regionCode", form.regionCode());
        if (!ComplaintForm.blank(form.address())) {
            location.put("address", form.address().strip());
        }
        if (!ComplaintForm.blank(form.latitude())) {
            location.put("latitude", ComplaintForm.coordinate(form.latitude()));
            location.put("longitude", ComplaintForm.coordinate(form.longitude()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", form.title().strip());
        request.put("description", form.description().strip());
        request.put("categoryCode", form.categoryCode());
        request.put("location", location);
        request.put("channel", "WEB");
        request.put("anonymous", form.anonymous());
        request.put("confidential", form.confidential());
        if (!ComplaintForm.blank(form.name())) {
            Map<String, Object> reporter = new LinkedHashMap<>();
            reporter.put("name", form.name().strip());
            if (!ComplaintForm.blank(form.email())) {
                reporter.put("email", form.email().strip());
            }
            if (!ComplaintForm.blank(form.phone())) {
                reporter.put("phone", form.phoneDigits());
            }
            request.put("reporter", reporter);
        }
        if (!attachmentIds.isEmpty()) {
            request.put("attachmentIds", attachmentIds);
        }
        return request;
    }

    private static ComplaintForm read(MultiValueMap<String, Part> parts) {
        List<String> regions = new ArrayList<>();
        for (Part part : parts.getOrDefault("regionCode", List.of())) {
            if (part instanceof FormFieldPart field) {
                regions.add(field.value());
            }
        }
        return new ComplaintForm(value(parts, "title"), value(parts, "description"), value(parts, "categoryCode"),
                RegionChoice.of(regions), value(parts, "address"), value(parts, "latitude"), value(parts, "longitude"),
                "ANONYMOUS".equals(value(parts, "identity")) ? "ANONYMOUS" : "NAMED",
                "CONFIDENTIAL".equals(value(parts, "visibility")) ? "CONFIDENTIAL" : "PUBLIC",
                value(parts, "name"), value(parts, "email"), value(parts, "phone"),
                value(parts, "submissionKey").isEmpty() ? UUID.randomUUID().toString() : value(parts, "submissionKey"));
    }

    private static ComplaintForm withRegion(ComplaintForm form, String regionCode) {
        return new ComplaintForm(form.title(), form.description(), form.categoryCode(), regionCode, form.address(),
                form.latitude(), form.longitude(), form.identity(), form.visibility(), form.name(), form.email(),
                form.phone(), form.submissionKey());
    }

    private static List<FilePart> files(MultiValueMap<String, Part> parts) {
        return parts.getOrDefault("attachments", List.of()).stream()
                .filter(FilePart.class::isInstance).map(FilePart.class::cast)
                .filter(file -> !file.filename().isBlank()).toList();
    }

    private static String value(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return part instanceof FormFieldPart field ? field.value() : "";
    }
}
