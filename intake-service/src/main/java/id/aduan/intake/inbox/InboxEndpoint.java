package id.aduan.intake.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.inbox.InboxRequest.Scope;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import id.aduan.platform.web.CsvText;
import id.aduan.platform.web.ProblemResponses;
import java.util.ArrayList;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The inboxes (docs/inbox.md): the complaints waiting for whoever asks, as JSON pages or, with
 * {@code Accept: text/csv}, every matching row as a download. What a caller may list follows from
 * their token alone: an agency its own, a liaison officer their unit's, coordinators and the
 * Ombudsman everything (the Ombudsman without rahasia complaints).
 */
@RestController
class InboxEndpoint {

    /** Submitted, not yet verified nor archived. */
    static final Set<ComplaintStatus> AWAITING_VERIFICATION = EnumSet.of(ComplaintStatus.AWAITING_VERIFICATION,
            ComplaintStatus.DEFERRED);
    /** What an inbox lists unless asked for statuses: complaints still open. */
    static final Set<ComplaintStatus> OPEN = EnumSet.complementOf(EnumSet.of(ComplaintStatus.COMPLETED, ComplaintStatus.ARCHIVED));
    private static final List<String> CSV_HEADER = List.of("trackingId", "title", "status", "categoryCode", "regionCode",
            "channel", "classification", "agencyCode", "unitCode", "receivedAt", "nextDueAt", "nextClock", "clockPaused",
            "overdue");

    private final InboxStore store;

    InboxEndpoint(InboxStore store) {
        this.store = store;
    }

    /**
     * A page of an inbox, and how many complaints it holds in all.
     *
     * @param next the cursor for the next page; absent on the last
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InboxPage(long total, List<InboxRow> items, String next) {
    }

    /**
     * The caller's inbox: an agency admin's agency (and its units' with {@code includeUnits=true}, or one
     * unit with {@code unit}), a liaison officer's unit, everything for coordinators and the Ombudsman
     * ({@code agency} and {@code unit} narrow it). Open complaints only, unless {@code status} asks for others.
     */
    @Operation(summary = "List the complaints in the caller's inbox")
    @Problems(ProblemType.FORBIDDEN)
    @GetMapping("/api/v1/inbox")
    Mono<ResponseEntity<Object>> inbox(@RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        InboxRequest request = new InboxRequest(parameters);
        InboxQuery query = request.query(scope(Actor.of(token), request));
        return answer(query.statuses().isEmpty() ? query.withStatuses(OPEN) : query, exchange, "inbox");
    }

    /** The coordinators' verification queue: submitted, not yet verified nor archived, oldest deadline first. */
    @Operation(summary = "List the complaints awaiting verification")
    @Problems(ProblemType.FORBIDDEN)
    @GetMapping("/api/v1/inbox/verification")
    Mono<ResponseEntity<Object>> verificationQueue(@RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        Actor actor = Actor.of(token);
        if (!actor.has(Role.COORDINATOR) && !actor.has(Role.OMBUDSMAN)) {
            throw new AccessDeniedException("Only national coordinators and the Ombudsman read the verification queue.");
        }
        InboxRequest request = new InboxRequest(parameters);
        Set<ComplaintStatus> asked = request.statuses();
        if (!AWAITING_VERIFICATION.containsAll(asked)) {
            throw ProblemResponses.invalidField("status", "must be among " + AWAITING_VERIFICATION + " in the verification queue");
        }
        InboxQuery query = request.query(new Scope(request.agency(), request.unit(), true, actor.has(Role.COORDINATOR)));
        return answer(query.withStatuses(asked.isEmpty() ? AWAITING_VERIFICATION : asked), exchange, "verification-queue");
    }

    /** Whose complaints the caller may list, and within that what they asked for; 403 for anything beyond. */
    private static Scope scope(Actor actor, InboxRequest request) {
        String agency = request.agency();
        String unit = request.unit();
        if (actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN)) {
            // Rahasia complaints only to coordinators and the agency handling them.
            return new Scope(agency, unit, request.includeUnits(), actor.has(Role.COORDINATOR));
        }
        if (actor.has(Role.AGENCY) && actor.agencyCode() != null) {
            if (agency != null && !agency.equals(actor.agencyCode())) {
                throw new AccessDeniedException("An agency lists only its own complaints.");
            }
            if (unit != null && !Actor.unitOf(unit, actor.agencyCode())) {
                throw new AccessDeniedException("An agency lists only its own units' complaints.");
            }
            return new Scope(actor.agencyCode(), unit, request.includeUnits(), true);
        }
        if (actor.has(Role.LIAISON_OFFICER) && actor.unitCode() != null) {
            if ((agency != null && !agency.equals(actor.agencyCode())) || (unit != null && !unit.equals(actor.unitCode()))) {
                throw new AccessDeniedException("A liaison officer lists only their unit's complaints.");
            }
            return new Scope(actor.agencyCode(), actor.unitCode(), false, true);
        }
        throw new AccessDeniedException("Inboxes are for coordinators, agencies, liaison officers and the Ombudsman.");
    }

    private Mono<ResponseEntity<Object>> answer(InboxQuery query, ServerWebExchange exchange, String name) {
        if (CsvText.wanted(exchange.getRequest().getHeaders())) {
            return Mono.fromCallable(() -> CsvText.download(name, csv(query))).subscribeOn(Schedulers.boundedElastic());
        }
        return Mono.fromCallable(() -> store.find(query)).subscribeOn(Schedulers.boundedElastic()).map(page -> {
            String next = page.next() == null ? null : InboxRequest.encode(page.next());
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
            if (next != null) {
                String link = UriComponentsBuilder.fromHttpRequest(exchange.getRequest()).replaceQueryParam("cursor", next)
                        .build().toUriString();
                answer.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
            }
            return answer.body(new InboxPage(page.total(), page.rows(), next));
        });
    }

    /** Every row the query takes, not only a page: an export for a spreadsheet. */
    private String csv(InboxQuery query) {
        List<List<?>> rows = new ArrayList<>();
        store.forEach(query, row -> rows.add(Arrays.asList(row.trackingId(), row.title(), row.status().name(), row.categoryCode(),
                row.regionCode(), row.channel(), row.classification(), row.agencyCode(), row.unitCode(),
                row.receivedAt(), row.nextDueAt(), row.nextClock() == null ? null : row.nextClock().name(),
                row.clockPaused(), row.overdue())));
        return CsvText.of(CSV_HEADER, rows);
    }
}
