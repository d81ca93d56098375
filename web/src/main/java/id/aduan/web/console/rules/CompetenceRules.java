package id.aduan.web.console.rules;

import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The competence rules in force and their history (docs/routing.md, "Changing the rules"), and a change of the
 * whole set with a reason. The change carries {@code If-Match} with the version the coordinator started from, so
 * a change someone else made meanwhile is never overwritten unseen (412).
 */
@Controller
class CompetenceRules {

    private static final Pattern RULE_FIELD = Pattern.compile("rules\\[(\\d+)]\\.?(.*)");
    private static final int LONGEST_REASON = 2000;

    private final Api api;
    private final MessageSource messages;

    CompetenceRules(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    record Change(int revision, String version, String previousVersion, String changedBy, Instant changedAt, String reason,
            int ruleCount) {
    }

    record RulesInForce(int revision, String version, String changedBy, Instant changedAt, String reason,
            List<RuleSheet.Rule> rules, List<Change> history) {
    }

    @GetMapping("/console/rules")
    Mono<String> rules(@RequestParam Optional<String> done, Model model) {
        done.filter("changed"::equals).ifPresent(changed -> model.addAttribute("changed", true));
        return page(model, Map.of(), null, null);
    }

    @PostMapping("/console/rules")
    Mono<String> change(ServerWebExchange exchange, Model model) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).flatMap(form -> {
            String sheet = form.getOrDefault("rules", "");
            String reason = form.getOrDefault("reason", "").strip();
            RuleSheet.Read read = RuleSheet.read(sheet);
            Map<String, String> errors = new LinkedHashMap<>();
            read.faults().forEach(fault -> errors.merge("rules",
                    messages.getMessage(fault.messageKey(), new Object[] {fault.line()}, locale), (a, b) -> a + "; " + b));
            if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
                errors.put("reason", messages.getMessage("console.rules.error.reason", null, locale));
            }
            if (!errors.isEmpty()) {
                return page(model, errors, null, form);
            }
            return api.client().put().uri("/api/v1/routing/rules")
                    .header(HttpHeaders.IF_MATCH, "\"" + form.getOrDefault("version", "") + "\"")
                    .bodyValue(Map.of("rules", read.rules(), "reason", reason))
                    .retrieve().toBodilessEntity()
                    .thenReturn("redirect:/console/rules?done=changed")
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(412) || problem.is(409)) {
                            return page(model, Map.of(), messages.getMessage("console.rules.error.changedMeanwhile", null, locale), form);
                        }
                        if (problem.is(400)) {
                            return page(model, byLine(problem.fieldErrors(), read, locale), problem.fieldErrors().isEmpty() ? problem.detail() : null, form);
                        }
                        return Mono.error(problem);
                    });
        });
    }

    /** The API names {@code rules[3].categoryCode}; the coordinator sees lines, so the fault is told by its line. */
    private Map<String, String> byLine(Map<String, String> fieldErrors, RuleSheet.Read read, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> {
            Matcher rule = RULE_FIELD.matcher(field);
            if (rule.matches()) {
                String located = messages.getMessage("console.rules.error.line",
                        new Object[] {read.lineOf(Integer.parseInt(rule.group(1))), rule.group(2), message}, locale);
                errors.merge("rules", located, (a, b) -> a + "; " + b);
            } else {
                errors.merge(field.equals("reason") ? "reason" : "rules", message, (a, b) -> a + "; " + b);
            }
        });
        return errors;
    }

    private Mono<String> page(Model model, Map<String, String> errors, String refusal, Map<String, String> form) {
        return api.client().get().uri("/api/v1/routing/rules").retrieve().toEntity(RulesInForce.class).map(answer -> {
            RulesInForce inForce = answer.getBody();
            model.addAttribute("inForce", inForce);
            // The ETag is the version (quoted); it goes back as If-Match.
            model.addAttribute("version", version(answer, inForce));
            model.addAttribute("sheet", form == null ? RuleSheet.write(inForce.rules()) : form.getOrDefault("rules", ""));
            model.addAttribute("reason", form == null ? "" : form.getOrDefault("reason", ""));
            model.addAttribute("errors", errors);
            model.addAttribute("refusal", refusal);
            return "console/rules";
        });
    }

    private static String version(ResponseEntity<RulesInForce> answer, RulesInForce inForce) {
        String etag = answer.getHeaders().getETag();
        return etag == null ? inForce.version() : etag.replaceFirst("^W/", "").replace("\"", "");
    }
}
