package id.aduan.web.citizen.track;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.citizen.Messages;
import id.aduan.web.citizen.ReporterSecrets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Following one's complaint (docs/tracking.md): the tracking form, the complaint's page (status, timeline, the
 * deadline it waits on, files) and the reporter's own steps on it (docs/lifecycle.md), which need the reporter
 * secret. The secret is typed once into the form's POST body and kept in the session, never put in a URL.
 */
@Controller
class TrackPage {

    private static final Set<String> STEPS = Set.of("question-answer", "information", "reporter-answer", "rating");

    private final Api api;
    private final MessageSource messageSource;
    private final IndonesianRegions regions = IndonesianRegions.shipped();

    TrackPage(Api api, MessageSource messageSource) {
        this.api = api;
        this.messageSource = messageSource;
    }

    @GetMapping("/complaints/track")
    String form(Model model) {
        model.addAttribute("trackingId", "");
        return "citizen/track";
    }

    @PostMapping("/complaints/track")
    Mono<String> find(ServerWebExchange exchange, Model model) {
        Messages messages = messages(exchange);
        return exchange.getFormData().flatMap(form -> {
            String trackingId = form.getFirst("trackingId") == null ? "" : form.getFirst("trackingId").strip().toUpperCase(Locale.ROOT);
            String secret = form.getFirst("secret") == null ? "" : form.getFirst("secret").strip();
            if (trackingId.isEmpty() || !trackingId.matches("[A-Z0-9-]{4,40}")) {
                model.addAttribute("trackingId", trackingId);
                model.addAttribute("errors", Map.of("trackingId", messages.get(
                        trackingId.isEmpty() ? "citizen.track.error.required" : "citizen.track.error.format")));
                return Mono.just("citizen/track");
            }
            return exchange.getSession().map(session -> {
                if (!secret.isEmpty()) {
                    ReporterSecrets.keep(session, trackingId, secret);
                }
                return "redirect:" + complaintPath(trackingId, null);
            });
        });
    }

    @GetMapping("/complaints/{trackingId}")
    Mono<String> complaint(@PathVariable String trackingId, @RequestParam(required = false) String done,
            ServerWebExchange exchange, Model model) {
        if (done != null && STEPS.contains(done)) {
            model.addAttribute("done", done);
        }
        return exchange.getSession().flatMap(session -> page(trackingId, session, Map.of(), exchange, model));
    }

    /** The reporter's steps: answer a question, supply information, accept or reject the handling, rate. */
    @PostMapping("/complaints/{trackingId}/{step:question-answer|information|reporter-answer|rating}")
    Mono<String> reporterStep(@PathVariable String trackingId, @PathVariable String step, ServerWebExchange exchange,
            Model model) {
        Messages messages = messages(exchange);
        return Mono.zip(exchange.getSession(), exchange.getFormData()).flatMap(sessionAndForm -> {
            WebSession session = sessionAndForm.getT1();
            MultiValueMap<String, String> form = sessionAndForm.getT2();
            Optional<String> secret = ReporterSecrets.of(session, trackingId);
            if (secret.isEmpty()) {
                return Mono.just("redirect:/complaints/track");
            }
            ReporterStep request = ReporterStep.read(step, form);
            Map<String, String> errors = request.check(messages);
            if (!errors.isEmpty()) {
                model.addAttribute("entered", form.toSingleValueMap());
                return page(trackingId, session, errors, exchange, model);
            }
            return api.client().post().uri("/api/v1/complaints/{id}/" + step, trackingId).header(Api.REPORTER_SECRET, secret.get())
                    .bodyValue(request.body()).retrieve().toBodilessEntity()
                    .thenReturn("redirect:" + complaintPath(trackingId, step))
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.getStatusCode().is5xxServerError()) {
                            return Mono.error(problem);
                        }
                        Map<String, String> refused = new LinkedHashMap<>();
                        if (problem.is(403)) {
                            ReporterSecrets.forget(session, trackingId);
                            refused.put(request.formId(), messages.get("citizen.track.error.secret"));
                        } else {
                            problem.fieldErrors().forEach((field, message) -> refused.put(request.fieldId(field), message));
                            if (refused.isEmpty()) {
                                refused.put(request.formId(), problem.detail());
                            }
                        }
                        model.addAttribute("entered", form.toSingleValueMap());
                        return page(trackingId, session, refused, exchange, model);
                    });
        });
    }

    /** A file of the complaint, with the secret when this person gave one. */
    @GetMapping("/complaints/{trackingId}/attachments/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> attachment(@PathVariable String trackingId, @PathVariable String attachmentId,
            ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> api.download(trackingId, attachmentId, ReporterSecrets.of(session, trackingId)));
    }

    private Mono<String> page(String trackingId, WebSession session, Map<String, String> errors,
            ServerWebExchange exchange, Model model) {
        Optional<String> secret = ReporterSecrets.of(session, trackingId);
        model.addAttribute("errors", errors);
        model.addAttribute("reporter", secret.isPresent());
        return api.client().get().uri("/api/v1/complaints/{id}", trackingId)
                .headers(headers -> secret.ifPresent(value -> headers.set(Api.REPORTER_SECRET, value)))
                .retrieve().bodyToMono(JsonNode.class)
                .flatMap(complaint -> {
                    model.addAttribute("complaint", complaint);
                    model.addAttribute("agencyNames", agencyNames(complaint));
                    model.addAttribute("can", ReporterCan.of(complaint, secret.isPresent()));
                    return deadline(complaint).doOnNext(due -> model.addAttribute("deadline", due))
                            .thenReturn("citizen/complaint");
                })
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(404)) {
                        return Mono.error(problem);
                    }
                    Messages messages = messages(exchange);
                    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                    model.addAttribute("trackingId", trackingId);
                    model.addAttribute("errors", Map.of("trackingId", messages.get(secret.isPresent()
                            ? "citizen.track.error.notFoundWithSecret" : "citizen.track.error.notFound")));
                    return Mono.just("citizen/track");
                });
    }

    /** The due date of the term the complaint waits on, counted by the SLA service; none when it cannot be counted. */
    private Mono<Due> deadline(JsonNode complaint) {
        return Mono.justOrEmpty(NextDeadline.of(complaint)).flatMap(next -> api.client().get()
                .uri(builder -> {
                    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/sla/due-date")
                            .queryParam("start", next.start().toString()).queryParam("workingDays", next.workingDays());
                    if (next.agencyCode() == null) {
                        uri.queryParam("zone", IndonesianRegions.NATIONAL_ZONE.getId());
                    } else {
                        uri.queryParam("agency", next.agencyCode());
                    }
                    return builder.path(uri.build().getPath()).query(uri.build().getQuery()).build();
                })
                .retrieve().bodyToMono(JsonNode.class)
                .map(due -> new Due(next.kind(), LocalDate.parse(due.path("dueDate").asText())))
                // The page is worth showing without its deadline.
                .onErrorResume(ApiProblem.class, unavailable -> Mono.empty()));
    }

    /** What the reporter waits on and the last day of it. */
    public record Due(String kind, LocalDate dueDate) {
    }

    /** "DPUPR Kota Bandung": an agency as a citizen reads it, its office and the region it serves. */
    private Map<String, String> agencyNames(JsonNode complaint) {
        Map<String, String> names = new LinkedHashMap<>();
        Consumer<String> add = code -> {
            if (code != null && !code.isBlank()) {
                names.computeIfAbsent(code, this::agencyName);
            }
        };
        add.accept(complaint.path("assignedAgencyCode").asText(null));
        complaint.path("timeline").forEach(step -> add.accept(step.path("agencyCode").asText(null)));
        return names;
    }

    String agencyName(String code) {
        return AgencyCode.read(code).map(agency -> {
            String office = agency.unit().contains("/") ? agency.unit().substring(agency.unit().indexOf('/') + 1) : agency.unit();
            return agency.regionCode() == null ? office
                    : office + " " + regions.name(agency.regionCode()).orElse(agency.regionCode());
        }).orElse(code);
    }

    private static String complaintPath(String trackingId, String done) {
        return UriComponentsBuilder.fromPath("/complaints/{id}").queryParamIfPresent("done", Optional.ofNullable(done))
                .buildAndExpand(trackingId).encode().toUriString();
    }

    private Messages messages(ServerWebExchange exchange) {
        return new Messages(messageSource, exchange.getLocaleContext().getLocale());
    }
}
