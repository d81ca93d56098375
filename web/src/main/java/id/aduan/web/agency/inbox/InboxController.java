package id.aduan.web.agency.inbox;

import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import id.aduan.web.i18n.Formats;
import id.aduan.web.security.Person;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The agency's inbox ({@code /agency/inbox}): its open complaints next due first, filtered as the API filters them,
 * a page at a time, and the same list as a CSV download.
 */
@Controller
class InboxController {

    static final String STATUSES = "VERIFIED,IN_PROCESS,AWAITING_REPORTER,COMPLETED";

    private final Api api;
    private final Formats formats;
    private final Clock clock;
    private final List<Category> categories =
            Categories.tree().all().stream().sorted(Comparator.comparing(Category::code)).toList();

    InboxController(Api api, Formats formats) {
        this.api = api;
        this.formats = formats;
        this.clock = Clock.systemUTC();
    }

    /** A row with its due date in words: how many days are left, in the agency's zone. */
    record Listed(InboxRow row, LocalDate lastDay, Long daysLeft) {
    }

    @GetMapping("/agency/inbox")
    Mono<String> inbox(@ModelAttribute("filters") InboxFilters filters, @RequestParam(required = false) String forwarded,
            Authentication authentication, Model model) {
        if (forwarded != null && forwarded.matches("[A-Z0-9-]{1,40}")) {
            model.addAttribute("forwarded", forwarded);
        }
        Person person = Person.of(authentication).orElseThrow();
        ZoneId zone = formats.zoneOf(person.agency());
        Instant now = clock.instant();
        model.addAttribute("categories", categories);
        model.addAttribute("statuses", List.of(STATUSES.split(",")));
        model.addAttribute("csvLink", link("/agency/inbox.csv", filters.query(false)));
        return api.client().get().uri(uri -> uri.path("/api/v1/inbox").queryParams(filters.query(true)).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(InboxPage.class)
                .doOnNext(page -> {
                    model.addAttribute("total", page.total());
                    model.addAttribute("rows", page.items().stream().map(row -> new Listed(row, row.lastDay(zone), row.daysLeft(zone, now))).toList());
                    model.addAttribute("nextLink", page.next() == null ? null : link("/agency/inbox", filters.nextPage(page.next())));
                    model.addAttribute("firstLink", filters.cursor() == null || filters.cursor().isBlank() ? null
                            : link("/agency/inbox", filters.query(false)));
                })
                .thenReturn("agency/inbox")
                .onErrorResume(ApiProblem.class, problem -> {
                    if (!problem.is(400)) {
                        return Mono.error(problem);
                    }
                    model.addAttribute("errors", problem.fieldErrors().isEmpty() ? Map.of("q", problem.detail()) : problem.fieldErrors());
                    model.addAttribute("rows", List.of());
                    return Mono.just("agency/inbox");
                });
    }

    /** Every row the filters take, as the API writes it (formula-safe cells), streamed through with the person's token. */
    @GetMapping("/agency/inbox.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(@ModelAttribute InboxFilters filters) {
        return api.client().get().uri(uri -> uri.path("/api/v1/inbox").queryParams(filters.query(false)).build())
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve().toEntityFlux(DataBuffer.class)
                .map(answer -> ResponseEntity.ok()
                        .contentType(answer.getHeaders().getContentType())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inbox.csv\"")
                        .body(answer.getBody()));
    }

    private static String link(String path, MultiValueMap<String, String> query) {
        return UriComponentsBuilder.fromPath(path).queryParams(query).encode().build().toUriString();
    }
}
