package id.aduan.web.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The gateway's audit trail (GET /api/v1/audit, docs/security.md, "Audit trail"): who changed what, when and
 * from where, newest first, filtered and paged as the API pages it.
 */
@Controller
class AuditPage {

    static final String PATH = "/console/audit";
    private static final int PAGE_SIZE = 50;

    private final Api api;
    private final MessageSource messages;

    AuditPage(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    /**
     * The filter form (GET). The days are whole days in WIB, the zone the gateway's national staff work in.
     *
     * @param actor the token's subject: a person's login or a client's id
     */
    record Filter(String actor, String agency, String complaintId, String from, String to, Integer page) {

        Filter {
            actor = blankToNull(actor);
            agency = blankToNull(agency);
            complaintId = blankToNull(complaintId);
            from = blankToNull(from);
            to = blankToNull(to);
            page = page == null || page < 0 ? 0 : page;
        }

        /** The days asked for, by field; each that is not a date goes into errors instead. */
        Map<String, LocalDate> days(Map<String, String> errors, String notADate) {
            Map<String, LocalDate> days = new LinkedHashMap<>();
            Map<String, String> given = new LinkedHashMap<>();
            given.put("from", from);
            given.put("to", to);
            given.forEach((field, text) -> {
                if (text == null) {
                    return;
                }
                try {
                    days.put(field, LocalDate.parse(text));
                } catch (DateTimeParseException notIso) {
                    errors.put(field, notADate);
                }
            });
            return days;
        }

        MultiValueMap<String, String> query(int otherPage) {
            MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
            addIfPresent(query, "actor", actor);
            addIfPresent(query, "agency", agency);
            addIfPresent(query, "complaintId", complaintId);
            addIfPresent(query, "from", from);
            addIfPresent(query, "to", to);
            query.add("page", String.valueOf(otherPage));
            return query;
        }

        String pageLink(int otherPage) {
            return UriComponentsBuilder.fromPath(PATH).queryParams(query(otherPage)).build().encode().toString();
        }

        private static void addIfPresent(MultiValueMap<String, String> query, String name, String value) {
            if (value != null) {
                query.add(name, value);
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** One page of entries, and the links to the pages beside it (null where there is none). */
    record Trail(long total, List<Entry> entries, String previous, String next) {
    }

    /** @param status the answer's HTTP status; null when the gateway never learned it */
    record Entry(String at, String actor, String roles, String agency, String method, String path, String complaintId,
            Integer status, String clientAddress) {

        static Entry of(JsonNode entry) {
            return new Entry(text(entry, "at"), text(entry, "actor"),
                    String.join(", ", entry.path("roles").valueStream().map(JsonNode::asText).toList()),
                    text(entry, "agency"), text(entry, "method"), text(entry, "path"), text(entry, "complaintId"),
                    entry.path("status").isNumber() ? entry.path("status").asInt() : null, text(entry, "clientAddress"));
        }

        private static String text(JsonNode node, String field) {
            return node.path(field).isTextual() ? node.path(field).asText() : null;
        }
    }

    @GetMapping(PATH)
    Mono<String> audit(@ModelAttribute("filter") Filter filter, Model model, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, LocalDate> days = filter.days(errors, messages.getMessage("console.audit.notADate", null, locale));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return Mono.just("console/audit");
        }
        MultiValueMap<String, String> query = filter.query(filter.page());
        query.remove("from");
        query.remove("to");
        // A day runs from its midnight in WIB to the next one.
        if (days.containsKey("from")) {
            query.add("from", days.get("from").atStartOfDay(IndonesianRegions.NATIONAL_ZONE).toInstant().toString());
        }
        if (days.containsKey("to")) {
            query.add("to", days.get("to").plusDays(1).atStartOfDay(IndonesianRegions.NATIONAL_ZONE).toInstant().toString());
        }
        query.add("size", String.valueOf(PAGE_SIZE));
        return api.client().get().uri(builder -> builder.path("/api/v1/audit").queryParams(query).build())
                .retrieve().bodyToMono(JsonNode.class)
                .doOnNext(answer -> {
                    List<Entry> entries = answer.path("items").valueStream().map(Entry::of).toList();
                    String previous = filter.page() > 0 ? filter.pageLink(filter.page() - 1) : null;
                    String next = answer.path("next").isNumber() ? filter.pageLink(answer.path("next").asInt()) : null;
                    model.addAttribute("trail", new Trail(answer.path("total").asLong(), entries, previous, next));
                })
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400)) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", problem.fieldErrors());
                    return Mono.empty();
                })
                .thenReturn("console/audit");
    }
}
