package id.aduan.web.console.calendar;

import id.aduan.reference.IndonesianRegions;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The working-day calendar every deadline counts by (docs/sla.md): a year's non-working days (national holidays and
 * cuti bersama) month by month, the changes coordinators made, and a form to declare or withdraw a day with a reason.
 */
@Controller
class WorkingCalendar {

    static final List<String> KINDS = List.of("HOLIDAY", "CUTI_BERSAMA");
    private static final Set<String> OUTCOMES = Set.of("declared", "withdrawn");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_REASON = 2000;

    private final Api api;
    private final MessageSource messages;

    WorkingCalendar(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    record Day(LocalDate date, String kind, String name) {
    }

    record CalendarYear(int year, boolean known, List<Day> nonWorkingDays) {
    }

    record CalendarChanged(String changeId, Instant changedAt, String changedBy, List<Day> declared, List<LocalDate> withdrawn,
            String reason) {
    }

    /** A month's name in the page's language with its non-working days. */
    record MonthDays(String name, List<Day> days) {
    }

    @GetMapping("/console/calendar")
    Mono<String> calendar(@RequestParam Optional<Integer> year, @RequestParam Optional<String> done, ServerWebExchange exchange,
            Model model) {
        done.filter(OUTCOMES::contains).ifPresent(outcome -> model.addAttribute("done", outcome));
        return page(year.orElse(Year.now(IndonesianRegions.NATIONAL_ZONE).getValue()), exchange.getLocaleContext().getLocale(), model, Map.of(), null, Map.of());
    }

    @PostMapping("/console/calendar")
    Mono<String> change(ServerWebExchange exchange, Model model) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).flatMap(form -> {
            String action = form.getOrDefault("action", "");
            String name = form.getOrDefault("name", "").strip();
            String kind = form.getOrDefault("kind", "");
            String reason = form.getOrDefault("reason", "").strip();
            Optional<LocalDate> date = date(form.get("date"));
            Map<String, String> errors = new LinkedHashMap<>();
            if (!action.equals("declare") && !action.equals("withdraw")) {
                errors.put("action", "console.calendar.error.action");
            }
            if (date.isEmpty()) {
                errors.put("date", "console.calendar.error.date");
            }
            if (action.equals("declare") && !KINDS.contains(kind)) {
                errors.put("kind", "console.calendar.error.kind");
            }
            if (action.equals("declare") && (name.isEmpty() || name.length() > LONGEST_NAME)) {
                errors.put("name", "console.calendar.error.name");
            }
            if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
                errors.put("reason", "console.calendar.error.reason");
            }
            int shownYear = date.map(LocalDate::getYear).orElse(Year.now(IndonesianRegions.NATIONAL_ZONE).getValue());
            if (!errors.isEmpty()) {
                errors.replaceAll((field, key) -> messages.getMessage(key, null, locale));
                return page(shownYear, locale, model, errors, null, form);
            }
            Map<String, Object> change = action.equals("declare")
                    ? Map.of("declare", List.of(Map.of("date", date.get().toString(), "kind", kind, "name", name)), "reason", reason)
                    : Map.of("withdraw", List.of(date.get().toString()), "reason", reason);
            return api.client().post().uri("/api/v1/sla/calendar/changes").bodyValue(change)
                    .retrieve().toBodilessEntity()
                    .thenReturn("redirect:/console/calendar?year=" + shownYear + "&done=" + (action.equals("declare") ? "declared" : "withdrawn"))
                    .onErrorResume(ApiProblem.class, problem -> problem.is(400) || problem.is(409) || problem.is(422)
                            ? page(shownYear, locale, model, formFields(problem.fieldErrors()), problem.fieldErrors().isEmpty() ? problem.detail() : null, form)
                            : Mono.error(problem));
        });
    }

    /** The API names the day inside its lists ({@code declare[0].name}, {@code withdraw[0]}); the form has one day. */
    static Map<String, String> formFields(Map<String, String> fieldErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> {
            String formField = field.replaceFirst("^(declare|withdraw)(\\[\\d+])?\\.?", "");
            errors.merge(formField.isEmpty() ? "date" : formField, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    private Mono<String> page(int year, Locale locale, Model model, Map<String, String> errors, String refusal, Map<String, String> form) {
        int shown = Math.min(Math.max(year, FIRST_YEAR), LAST_YEAR);
        Mono<CalendarYear> days = api.client().get().uri(uri -> uri.path("/api/v1/sla/calendar").queryParam("year", shown).build())
                .retrieve().bodyToMono(CalendarYear.class);
        Mono<List<CalendarChanged>> changes = api.client().get().uri("/api/v1/sla/calendar/changes")
                .retrieve().bodyToMono(new ParameterizedTypeReference<List<CalendarChanged>>() {});
        return Mono.zip(days, changes).map(both -> {
            model.addAttribute("year", shown);
            model.addAttribute("known", both.getT1().known());
            model.addAttribute("months", byMonth(both.getT1().nonWorkingDays(), locale));
            model.addAttribute("dayCount", both.getT1().nonWorkingDays().size());
            List<CalendarChanged> newestFirst = new ArrayList<>(both.getT2());
            newestFirst.sort(Comparator.comparing(CalendarChanged::changedAt, Comparator.nullsLast(Comparator.reverseOrder())));
            model.addAttribute("changes", newestFirst);
            model.addAttribute("kinds", KINDS);
            model.addAttribute("errors", errors);
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", form);
            return "console/calendar";
        });
    }

    static List<MonthDays> byMonth(List<Day> days, Locale locale) {
        TreeMap<Month, List<Day>> months = new TreeMap<>();
        days.stream().sorted(Comparator.comparing(Day::date))
                .forEach(day -> months.computeIfAbsent(day.date().getMonth(), month -> new ArrayList<>()).add(day));
        return months.entrySet().stream()
                .map(month -> new MonthDays(month.getKey().getDisplayName(TextStyle.FULL_STANDALONE, locale), month.getValue()))
                .toList();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
